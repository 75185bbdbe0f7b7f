package gov.envgov.portal.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * The portal is a backend-for-frontend: OAuth2 login with Keycloak (authorization code with PKCE), tokens kept in
 * the server-side session and relayed to the services; the browser holds only the session cookie. Every form
 * carries a CSRF token; logout ends the Keycloak session too. Pages decide nothing: the services check roles and
 * ownership again on every call, the portal's role rules only keep people out of pages they cannot use.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    /** Pages anyone may open, and their assets. */
    static final String[] PUBLIC = {"/", "/report", "/report/**", "/track", "/track/follow-up", "/statistics",
            "/permits", "/permits/**", "/penalties", "/penalties/**", "/inspections", "/inspections/**", "/blacklist",
            "/facilities/**",
            "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
            "/signed-out"};

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients,
                                    PortalProperties properties, SignInOutage signInOutage) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver =
                new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler logout =
                new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        // The report form uploads photos, so the CSRF token is also read from multipart forms.
        XorServerCsrfTokenRequestAttributeHandler csrfTokens = new XorServerCsrfTokenRequestAttributeHandler();
        csrfTokens.setTokenFromMultipartDataEnabled(true);
        return http
                .csrf(csrf -> csrf.csrfTokenRequestHandler(csrfTokens))
                .authorizeExchange(pages -> pages
                        .pathMatchers(PUBLIC).permitAll()
                        .pathMatchers("/my/**").hasRole("citizen")
                        .pathMatchers("/hotline/**").hasRole("hotline_operator")
                        .pathMatchers("/handling/**").hasRole("complaint_handler")
                        .pathMatchers("/enterprise/**").hasRole("enterprise")
                        .pathMatchers("/review/**").hasRole("permit_reviewer")
                        .pathMatchers(HttpMethod.POST, "/inspection/clues/**", "/inspection/tasks/**",
                                "/inspection/draws", "/inspection/draws/**").hasRole("inspector")
                        .pathMatchers(HttpMethod.POST, "/inspection/cases/*/legal-review/approval")
                        .hasRole("legal_reviewer")
                        .pathMatchers("/inspection/**", "/legal").hasAnyRole("inspector", "legal_reviewer", "admin")
                        .pathMatchers("/credit", "/credit/**").hasAnyRole("credit_officer", "admin")
                        .pathMatchers("/admin", "/admin/**").hasRole("admin")
                        .anyExchange().authenticated())
                .addFilterBefore(signInOutage.beforeRedirectToKeycloak(), SecurityWebFiltersOrder.HTTP_BASIC)
                .oauth2Login(login -> login.authorizationRequestResolver(resolver)
                        .authenticationFailureHandler(signInOutage.atCallback()))
                .logout(out -> out.logoutSuccessHandler(logout))
                .exceptionHandling(handling -> handling.accessDeniedHandler((exchange, denied) -> {
                    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                    exchange.getResponse().getHeaders().setContentType(MediaType.TEXT_HTML);
                    byte[] body = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                            + "<title>403</title></head><body><main><h1>无权访问 / Not allowed</h1>"
                            + "<p><a href=\"/\">返回首页 / Home</a></p></main></body></html>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory()
                            .wrap(body)));
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                        .hsts(hsts -> {
                            if (!properties.hsts()) {
                                hsts.disable();
                            }
                        }))
                .build();
    }

    /**
     * No inline script or style anywhere; forms post to the portal, or to Keycloak (its login form, and the
     * redirects of logout, which the browser checks against form-action too).
     */
    static String contentSecurityPolicy(PortalProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + properties.keycloakUrl();
    }

    /**
     * The signed-in user with the realm roles of the access token as authorities ({@code ROLE_citizen}, ...): the
     * ID token does not carry them. The access token is checked against the realm's keys first. User info and the
     * keys are fetched with the Keycloak client's timeouts.
     */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(ReactiveClientRegistrationRepository clients,
            @Qualifier("keycloakWebClient") WebClient keycloak) {
        DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
        userInfo.setWebClient(keycloak);
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        delegate.setOauth2UserService(userInfo);
        Mono<ReactiveJwtDecoder> decoder = clients.findByRegistrationId(KeycloakClients.KEYCLOAK)
                .map(client -> (ReactiveJwtDecoder) NimbusReactiveJwtDecoder
                        .withJwkSetUri(client.getProviderDetails().getJwkSetUri()).webClient(keycloak).build())
                .cache();
        return request -> delegate.loadUser(request).flatMap(user -> decoder
                .flatMap(jwts -> jwts.decode(request.getAccessToken().getTokenValue()))
                .map(jwt -> {
                    Collection<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                    Object realmAccess = jwt.getClaims().get("realm_access");
                    if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles) {
                        for (Object role : roles) {
                            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                        }
                    }
                    return (OidcUser) new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                            "preferred_username");
                }));
    }

}
