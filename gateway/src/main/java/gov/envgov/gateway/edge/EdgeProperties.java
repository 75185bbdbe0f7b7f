package gov.envgov.gateway.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines for client connections and the answer to an outage.
 *
 * @param headerReadTimeout a new connection must deliver its first complete request head within this
 * @param idleTimeout       a kept-alive connection must deliver its next complete request head within this of the
 *                          last response; a connection that does not is closed
 * @param bodyReadTimeout   the longest pause between two reads of a request body
 * @param retryAfter        what {@code Retry-After} tells a client when a service is unavailable or too slow
 */
@ConfigurationProperties("envgov.gateway.edge")
public record EdgeProperties(Duration headerReadTimeout, Duration idleTimeout, Duration bodyReadTimeout,
                             Duration retryAfter) {

    public EdgeProperties {
        headerReadTimeout = headerReadTimeout == null ? Duration.ofSeconds(10) : headerReadTimeout;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        bodyReadTimeout = bodyReadTimeout == null ? Duration.ofSeconds(10) : bodyReadTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    }
}
