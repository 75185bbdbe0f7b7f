package gov.envgov.support.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/**
 * Who is calling, as the token says: subject, user name, realm roles and the attributes that ownership checks use.
 *
 * @param subject      Keycloak user id (stable; what ownership is recorded against)
 * @param username     preferred_username, for audit records
 * @param roles        realm roles without prefix
 * @param enterpriseId unified social credit code of the enterprise an enterprise user acts for, else null
 * @param district     the staff member's district, else null
 * @param department   the staff member's unit (e.g. a district branch that handles complaints), else null
 */
public record CurrentUser(String subject, String username, Set<String> roles, String enterpriseId, String district,
                          String department) {

    public static Mono<CurrentUser> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .map(CurrentUser::from);
    }

    public static CurrentUser from(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String username = jwt.getClaimAsString("preferred_username");
            return new CurrentUser(jwt.getSubject(), username == null ? jwt.getSubject() : username, roles,
                    jwt.getClaimAsString("enterprise_id"), jwt.getClaimAsString("district"),
                    jwt.getClaimAsString("department"));
        }
        return new CurrentUser(authentication.getName(), authentication.getName(), roles, null, null, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    public boolean isStaff() {
        return hasAnyRole(Roles.STAFF);
    }

    /** True when the caller acts for exactly this enterprise. */
    public boolean actsFor(String enterpriseCode) {
        return hasRole(Roles.ENTERPRISE) && enterpriseId != null && enterpriseId.equals(enterpriseCode);
    }

    /** The enterprise an enterprise user acts for, for the "my" endpoints; 403 when the token names none. */
    public String ownEnterprise() {
        if (enterpriseId == null || !actsFor(enterpriseId)) {
            throw new DomainException.Forbidden("the token names no enterprise");
        }
        return enterpriseId;
    }
}
