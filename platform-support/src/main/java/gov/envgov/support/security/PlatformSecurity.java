package gov.envgov.support.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import gov.envgov.support.problem.ProblemResponses;
import gov.envgov.support.problem.ProblemTypes;


/**
 * The security rules every service shares: stateless bearer tokens, problem responses for 401/403, health and API
 * descriptions open, {@code /internal/**} for the services' own accounts only. A service adds its own path rules; a
 * path none of them names is open to people's roles ({@link Roles#PEOPLE}) only, so a machine account reaches just
 * what a rule grants it by name (ACCESS-CLIENT-LEAST).
 */
public class PlatformSecurity {

    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**"};

    private static final String CHALLENGE = "Bearer realm=\"envgov\"";

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
                    exchanges.anyExchange().hasAnyRole(Roles.PEOPLE);
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerHeader())
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter)))
                .build();
    }

    /**
     * 401 with a bearer challenge (RFC 6750 §3): {@code error="invalid_token"} only when a token was sent and refused
     * (ACCESS-WWW-AUTHENTICATE); a request without any token gets the bare challenge, as §3.1 asks.
     */
    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, exception) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(exception));
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                    "Unauthorized", "A valid bearer token is required.");
        };
    }

    static String challenge(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException) {
            String error = ((OAuth2AuthenticationException) exception).getError().getErrorCode();
            if (BearerTokenErrorCodes.INVALID_TOKEN.equals(error)
                    || BearerTokenErrorCodes.INVALID_REQUEST.equals(error)) {
                return CHALLENGE + ", error=\"" + error + "\"";
            }
        }
        return CHALLENGE;
    }

    /**
     * A request the security firewall refuses (an encoded NUL, slash, backslash, percent sign or dot segment in the
     * path, a header with control characters) is a 400 problem like every other refusal (ERR-CONTROL-CHARS), not an
     * empty 400.
     */
    public static ServerExchangeRejectedHandler rejected() {
        return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED, "Bad Request", "The request's path or headers hold characters refused here"
                        + " (an encoded NUL, slash, backslash, percent sign or dot segment, or a control character):"
                        + " send the path as plain percent-encoded UTF-8 without them.");
    }

    /** Puts {@link #rejected()} on the security filter chain of a service or of the gateway. */
    public static BeanPostProcessor firewallProblems() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy) {
                    ((WebFilterChainProxy) bean).setExchangeRejectedHandler(rejected());
                }
                return bean;
            }
        };
    }

    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "Your roles do not allow this request.");
    }

}
