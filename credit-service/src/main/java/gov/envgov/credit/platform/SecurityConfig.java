package gov.envgov.credit.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.Roles;

/** Public reads under /api/public/** (envgov.security.public-paths); an enterprise its own; staff the rest. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, PlatformSecurity platform) {
        return platform.chain(http, rules -> rules
                .pathMatchers(HttpMethod.GET, "/api/credit/subjects/*")
                .hasAnyRole(Roles.CREDIT_OFFICER, Roles.ADMIN, Roles.ENTERPRISE)
                .pathMatchers("/api/credit/my", "/api/credit/my/**").hasRole(Roles.ENTERPRISE)
                .pathMatchers("/api/credit/**").hasAnyRole(Roles.CREDIT_OFFICER, Roles.ADMIN));
    }
}
