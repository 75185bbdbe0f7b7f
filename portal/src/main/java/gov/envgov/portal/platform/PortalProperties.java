package gov.envgov.portal.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's settings.
 *
 * @param keycloakUrl    Keycloak as the browser reaches it (login form and logout are there)
 * @param secureCookie   whether the session cookie is marked Secure (on wherever the gateway is served over TLS)
 * @param hsts           whether to send Strict-Transport-Security
 * @param serviceTimeout how long a page waits for a service before it shows that part as unavailable
 * @param pageSize       rows per page of every list
 * @param districts      the districts a complaint can be filed in (the services check them again)
 * @param sessions       {@code memory} for one replica, {@code redis} for several ({@link RedisSessions})
 * @param trustedProxies the proxies in front of the portal whose {@code X-Forwarded-For} is believed, a regular
 *                       expression as the gateway's; blank (the default) believes none ({@link ClientAddress})
 */
@ConfigurationProperties("envgov.portal")
public record PortalProperties(String keycloakUrl, boolean secureCookie, boolean hsts, Duration serviceTimeout,
                               int pageSize, List<String> districts, String sessions, String trustedProxies) {
}
