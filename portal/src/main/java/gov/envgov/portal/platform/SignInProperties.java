package gov.envgov.portal.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the portal waits for Keycloak when someone signs in (rule PORTAL-LOGIN-OUTAGE). Without limits a frozen
 * Keycloak holds the browser's sign-in, and a server thread's connection, until the client gives up.
 *
 * @param connectTimeout  to open a connection to Keycloak (token endpoint, keys, user info)
 * @param responseTimeout for Keycloak's answer once a request is sent
 * @param probeTimeout    for the reachability check made before a browser is sent to Keycloak's login
 * @param probeCache      how long one check's result stands, so a crowd at the sign-in link makes one check
 * @param retryAfter      what the "sign-in unavailable" page tells browsers in {@code Retry-After}
 */
@ConfigurationProperties("envgov.portal.sign-in")
public record SignInProperties(Duration connectTimeout, Duration responseTimeout, Duration probeTimeout,
                               Duration probeCache, Duration retryAfter) {

    public SignInProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(3) : responseTimeout;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(2) : probeTimeout;
        probeCache = probeCache == null ? Duration.ofSeconds(5) : probeCache;
        retryAfter = retryAfter == null ? Duration.ofSeconds(120) : retryAfter;
    }
}
