/**
 * The web side of errors: RFC 9457 problem documents with stable {@code urn:envgov:problem:*} types, the status
 * of each kind of {@link gov.envgov.support.domain.DomainException}, and a bare 500 for anything unexpected.
 */
@NullMarked
package gov.envgov.support.problem;

import org.jspecify.annotations.NullMarked;
