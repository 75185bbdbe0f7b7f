package gov.envgov.portal.platform;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * Every call the OAuth2 client makes to Keycloak (token endpoint at the callback and on refresh, the realm's keys,
 * user info) goes through one client with the connect and response timeouts of {@link SignInProperties}. Spring
 * Security's login picks the token client and the ID-token decoder factory up as beans; {@link SecurityConfig} and
 * {@link Services} hand the client to the rest.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClients {

    static final String KEYCLOAK = "keycloak";

    /** Not load-balanced: Keycloak is addressed by its URL, never by a Eureka id. */
    @Bean
    WebClient keycloakWebClient(SignInProperties signIn) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(signIn.connectTimeout().toMillis()))
                .responseTimeout(signIn.responseTimeout());
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /**
     * The code-for-token exchange at the callback. A Keycloak that does not answer is not a wrong code: it fails as
     * {@link SignInOutage.KeycloakUnavailable}, which the login's failure handler answers with the outage page.
     */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
            @Qualifier("keycloakWebClient") WebClient keycloak) {
        WebClientReactiveAuthorizationCodeTokenResponseClient client =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(keycloak);
        return grant -> client.getTokenResponse(grant)
                .onErrorMap(WebClientRequestException.class, SignInOutage.KeycloakUnavailable::new);
    }

    /** As Spring Security's default for ID tokens (RS256, timestamps, OIDC claims), with the keys fetched in time. */
    @Bean
    ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(
            @Qualifier("keycloakWebClient") WebClient keycloak) {
        Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();
        ClaimTypeConverter claims = new ClaimTypeConverter(
                ReactiveOidcIdTokenDecoderFactory.createDefaultClaimTypeConverters());
        return registration -> decoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                    .withJwkSetUri(registration.getProviderDetails().getJwkSetUri()).webClient(keycloak).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(claims);
            return decoder;
        });
    }

    /** Probes the realm's keys: the endpoint the portal itself needs at every sign-in, and a cheap one. */
    @Bean
    KeycloakReachability keycloakReachability(@Qualifier("keycloakWebClient") WebClient keycloak,
                                              ReactiveClientRegistrationRepository clients, SignInProperties signIn) {
        return new KeycloakReachability(keycloak, clients.findByRegistrationId(KEYCLOAK)
                .map(client -> URI.create(client.getProviderDetails().getJwkSetUri())),
                signIn.probeTimeout(), signIn.probeCache());
    }
}
