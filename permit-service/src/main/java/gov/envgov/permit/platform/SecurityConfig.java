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

/**
 * Who may call what; ownership of each object is checked in the services. Staff reads are narrowed to the roles whose
 * work needs them (ACCESS-PERMIT-READ, ACCESS-MONITORING-READ, ACCESS-COMPLIANCE-READ in docs/rules.md): a hotline
 * operator or a complaint handler finds what the law makes public under /api/public/**.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    /** Permits, their reports, changes and registration forms: review, inspection, legal review, credit, admin. */
    static final String[] PERMIT_READERS = {Roles.PERMIT_REVIEWER, Roles.INSPECTOR, Roles.LEGAL_REVIEWER,
            Roles.CREDIT_OFFICER, Roles.ADMIN};
    /** Monitoring data and the compliance picture built from it: supervision, evidence, credit facts, admin. */
    static final String[] MONITORING_READERS = {Roles.INSPECTOR, Roles.LEGAL_REVIEWER, Roles.CREDIT_OFFICER,
            Roles.ADMIN};

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, PlatformSecurity platform) {
        return platform.chain(http, rules -> rules
                .pathMatchers(HttpMethod.POST, "/api/enterprises", "/api/enterprises/import").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/enterprises/*/contact").hasAnyRole(Roles.ADMIN, Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.PUT, "/api/enterprises/*").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enterprises/*/history").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enterprises/*/compliance")
                        .hasAnyRole(with(MONITORING_READERS, Roles.ENTERPRISE))
                .pathMatchers(HttpMethod.GET, "/api/enterprises", "/api/enterprises/*").hasAnyRole(Roles.PEOPLE)
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
                .pathMatchers(HttpMethod.GET, "/api/permits", "/api/permits/**")
                        .hasAnyRole(with(PERMIT_READERS, Roles.ENTERPRISE))
                // Registration-only units file their own forms.
                .pathMatchers(HttpMethod.PUT, "/api/registrations/*").hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.GET, "/api/registrations/**")
                        .hasAnyRole(with(PERMIT_READERS, Roles.ENTERPRISE))
                // Online monitoring: the enterprise itself or a monitoring system's account (ACCESS-CLIENT-LEAST).
                .pathMatchers(HttpMethod.POST, "/api/monitoring/readings")
                        .hasAnyRole(Roles.ENTERPRISE, Roles.MONITORING_SENDER)
                .pathMatchers(HttpMethod.GET, "/api/monitoring/**")
                        .hasAnyRole(with(MONITORING_READERS, Roles.ENTERPRISE)));
    }

    private static String[] with(String[] roles, String role) {
        String[] all = Arrays.copyOf(roles, roles.length + 1);
        all[roles.length] = role;
        return all;
    }
}
