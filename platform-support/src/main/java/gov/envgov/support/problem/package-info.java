/**
 * The web side of errors: RFC 9457 problem documents with stable {@code urn:envgov:problem:*} types, the status
 * of each kind of {@link gov.envgov.support.domain.DomainException}, messages that name the field and what it
 * accepts (never the input or a Java type), control characters refused in JSON texts, a 503 with
 * {@code Retry-After} when the database is out of reach, a 413 past the body limit, and a bare 500 with a trace id
 * (logged once, in one line) for anything unexpected.
 */
@NullMarked
package gov.envgov.support.problem;

import org.jspecify.annotations.NullMarked;
