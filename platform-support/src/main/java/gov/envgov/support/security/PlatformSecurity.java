package gov.envgov.support.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import gov.envgov.support.problem.ProblemResponses;
import gov.envgov.support.problem.ProblemTypes;


/**
 * The security rules every service shares: stateless bearer tokens, problem responses for 401/403, health and API
 * descriptions open, {@code /internal/**} for service accounts only. A service adds its own path rules.
 */
public class PlatformSecurity {

    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**"};

    private final SecurityProperties properties;
    private final ReactiveJwtDecoder decoder;
    private final ReactiveJwtAuthenticationConverter converter = JwtSupport.keycloakRoles();

    public PlatformSecurity(SecurityProperties properties, ReactiveJwtDecoder decoder) {
        this.properties = properties;
        this.decoder = decoder;
    }

    public SecurityWebFilterChain chain(ServerHttpSecurity http, Customizer<AuthorizeExchangeSpec> rules) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(OPEN).permitAll();
                    exchanges.pathMatchers("/internal/**").hasRole(Roles.SERVICE);
                    if (!properties.publicPaths().isEmpty()) {
                        exchanges.pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    rules.customize(exchanges);
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerHeader())
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter)))
                .build();
    }

    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, exception) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"envgov\", error=\"invalid_token\"");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                    "Unauthorized", "A valid bearer token is required.");
        };
    }

    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "Your roles do not allow this request.");
    }

}
