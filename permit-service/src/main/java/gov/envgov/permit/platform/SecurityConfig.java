package gov.envgov.permit.platform;

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
                .pathMatchers(HttpMethod.POST, "/api/enterprises", "/api/enterprises/import").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/enterprises/*/contact").hasAnyRole(Roles.ADMIN, Roles.ENTERPRISE)
                .pathMatchers(HttpMethod.PUT, "/api/enterprises/*").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enterprises/*/history").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/enterprises", "/api/enterprises/*").authenticated());
    }
}
