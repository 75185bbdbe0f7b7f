package gov.envgov.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import gov.envgov.support.security.BearerHeader;
import gov.envgov.support.security.JwtSupport;
import gov.envgov.support.security.PlatformSecurity;

/**
 * The gateway checks tokens at the edge of the APIs (so a bad token never costs a service a request) and answers 401/403 as
 * problem documents; each service still validates the token itself and decides on roles and ownership.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    /** Public by law or by design: disclosure, complaint tracking, Open311 reads, API descriptions, health. */
    static final String[] PUBLIC = {"/api/public/**", "/open311/**", "/api-docs/**", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/actuator/health", "/actuator/health/**"};

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(cors -> cors.configurationSource(PublicCors.source()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(PlatformSecurity.unauthorized())
                        .accessDeniedHandler(PlatformSecurity.forbidden()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC).permitAll()
                        .pathMatchers(Routes.NOT_PORTAL).authenticated()
                        // The portal's pages: it signs people in itself (its session, Keycloak's login page).
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerHeader())
                        .authenticationEntryPoint(PlatformSecurity.unauthorized())
                        .accessDeniedHandler(PlatformSecurity.forbidden())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(JwtSupport.keycloakRoles())))
                .build();
    }
}
