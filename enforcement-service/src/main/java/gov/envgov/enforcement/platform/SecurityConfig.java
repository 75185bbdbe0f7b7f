package gov.envgov.enforcement.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.Roles;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, PlatformSecurity platform) {
        return platform.chain(http, rules -> rules
                .pathMatchers(HttpMethod.POST, "/api/enforcement/draws", "/api/enforcement/draws/**")
                .hasAnyRole(Roles.INSPECTOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/inspectors").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/inspectors/*/relations")
                .hasAnyRole(Roles.INSPECTOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/tasks/*/conflict").hasRole(Roles.INSPECTOR)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/tasks/*/inspection",
                        "/api/enforcement/tasks/*/inspection/**").hasRole(Roles.INSPECTOR)
                .pathMatchers(HttpMethod.GET, "/api/enforcement/my/**").hasRole(Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/positive-list/evaluation").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/discretion/calculation")
                .hasAnyRole(Roles.INSPECTOR, Roles.LEGAL_REVIEWER, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/clues", "/api/enforcement/clues/*/case",
                        "/api/enforcement/clues/*/no-case").hasRole(Roles.INSPECTOR)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/cases/*/legal-review/approval")
                .hasRole(Roles.LEGAL_REVIEWER)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/cases/*/collective-decision").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/cases/*/hearing-request")
                .hasAnyRole(Roles.ENTERPRISE, Roles.INSPECTOR)
                .pathMatchers(HttpMethod.POST, "/api/enforcement/cases/**").hasAnyRole(Roles.INSPECTOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enforcement/cases/*/record/verification")
                .hasAnyRole(Roles.INSPECTOR, Roles.LEGAL_REVIEWER, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enforcement/cases", "/api/enforcement/cases/*")
                .hasAnyRole(Roles.INSPECTOR, Roles.LEGAL_REVIEWER, Roles.ADMIN, Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.GET, "/api/enforcement/pool", "/api/enforcement/pool/*")
                .hasAnyRole(Roles.INSPECTOR, Roles.LEGAL_REVIEWER, Roles.ADMIN)
                .pathMatchers("/api/enforcement/**").hasAnyRole(Roles.INSPECTOR, Roles.LEGAL_REVIEWER, Roles.ADMIN));
    }
}
