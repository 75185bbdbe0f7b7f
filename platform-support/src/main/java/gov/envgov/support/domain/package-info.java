/**
 * What domain code of every service may use to refuse a request: {@link gov.envgov.support.domain.DomainException}
 * and its four kinds. Nothing here knows HTTP; the web layer maps each kind to a status.
 */
@NullMarked
package gov.envgov.support.domain;

import org.jspecify.annotations.NullMarked;
