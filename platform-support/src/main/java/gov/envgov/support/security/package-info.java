/**
 * Who the caller is: Keycloak JWTs validated by every service (issuer, audience, expiry), realm roles mapped once,
 * {@link gov.envgov.support.security.CurrentUser} with the enterprise, district and department the token carries.
 */
@NullMarked
package gov.envgov.support.security;

import org.jspecify.annotations.NullMarked;
