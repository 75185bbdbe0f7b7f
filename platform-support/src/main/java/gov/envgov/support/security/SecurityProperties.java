package gov.envgov.support.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they must be for.
 *
 * @param issuer      the exact {@code iss} every token must carry (Keycloak puts the host the client used into it)
 * @param jwkSetUri   where the signing keys are fetched; reachable from the service, may differ from the issuer host
 * @param audience    the audience every token must name; Keycloak adds it with an audience mapper
 * @param publicPaths path patterns a service serves without a token (public disclosure, health)
 * @param clockSkew   tolerance for expiry and not-before, for clocks that differ between Keycloak and services
 */
@ConfigurationProperties("envgov.security")
public record SecurityProperties(String issuer, String jwkSetUri, String audience, List<String> publicPaths,
                                 Duration clockSkew) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        if (audience == null || audience.isBlank()) {
            audience = "envgov-api";
        }
    }
}
