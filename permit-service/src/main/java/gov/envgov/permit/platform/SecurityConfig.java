package gov.envgov.permit.platform;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.Roles;

/** Who may call what; ownership of each object is checked in the services. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, PlatformSecurity platform) {
        return platform.chain(http, rules -> rules
                .pathMatchers(HttpMethod.POST, "/api/enterprises", "/api/enterprises/import").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/enterprises/*/contact").hasAnyRole(Roles.ADMIN, Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.PUT, "/api/enterprises/*").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enterprises/*/history").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enterprises/*/compliance")
                        .hasAnyRole(staffAnd(Roles.ENTERPRISE))
                .pathMatchers(HttpMethod.GET, "/api/enterprises", "/api/enterprises/*").authenticated()
                // Permits: the holder applies, edits, submits, renews and files reports; reviewers decide;
                // only admin ends a permit.
                .pathMatchers(HttpMethod.GET, "/api/permits/review-queue").hasRole(Roles.PERMIT_REVIEWER)
                .pathMatchers(HttpMethod.POST, "/api/permits/import").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/permits", "/api/permits/*/submit", "/api/permits/*/renewal")
                        .hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.PUT, "/api/permits/*/change").hasRole(Roles.PERMIT_REVIEWER)
                .pathMatchers(HttpMethod.POST, "/api/permits/*/change-request").hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.POST, "/api/permits/*/change-request/approve",
                        "/api/permits/*/change-request/reject").hasRole(Roles.PERMIT_REVIEWER)
                .pathMatchers(HttpMethod.PUT, "/api/permits/*/reports/**").hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.PUT, "/api/permits/*").hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.POST, "/api/permits/*/supplement-request", "/api/permits/*/accept",
                        "/api/permits/*/site-check", "/api/permits/*/issue", "/api/permits/*/reject")
                        .hasRole(Roles.PERMIT_REVIEWER)
                .pathMatchers(HttpMethod.POST, "/api/permits/*/end").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/permits", "/api/permits/**").hasAnyRole(staffAnd(Roles.ENTERPRISE))
                // Registration-only units file their own forms.
                .pathMatchers(HttpMethod.PUT, "/api/registrations/*").hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.GET, "/api/registrations/**").hasAnyRole(staffAnd(Roles.ENTERPRISE))
                // Online monitoring: the enterprise itself or a monitoring system's service account.
                .pathMatchers(HttpMethod.POST, "/api/monitoring/readings").hasAnyRole(Roles.ENTERPRISE, Roles.SERVICE)
                .pathMatchers(HttpMethod.GET, "/api/monitoring/**").hasAnyRole(staffAnd(Roles.ENTERPRISE)));
    }

    private static String[] staffAnd(String role) {
        String[] roles = Arrays.copyOf(Roles.STAFF, Roles.STAFF.length + 1);
        roles[Roles.STAFF.length] = role;
        return roles;
    }
}
