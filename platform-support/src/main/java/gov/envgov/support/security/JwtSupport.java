package gov.envgov.support.security;

import java.time.Clock;
import java.util.List;

import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ExpressionJwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;

/** The one place where Keycloak tokens are validated and their realm roles become Spring Security roles. */
public final class JwtSupport {

    /** How many verified tokens each process remembers (one per signed-in client and five-minute token life). */
    private static final int VERIFIED_TOKENS = 20_000;

    private JwtSupport() {
    }

    /** Realm roles live in the nested claim {@code realm_access.roles}; each becomes {@code ROLE_<role>}. */
    public static ReactiveJwtAuthenticationConverter keycloakRoles() {
        var roles = new ExpressionJwtGrantedAuthoritiesConverter(
                new SpelExpressionParser().parseRaw("[realm_access][roles]"));
        roles.setAuthorityPrefix("ROLE_");
        var converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    /**
     * Signature from the JWK set, checked once per token; issuer, audience, expiry and not-before checked on every
     * request.
     */
    public static ReactiveJwtDecoder decoder(SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, VERIFIED_TOKENS, Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()), audience);
    }
}
