package gov.envgov.support.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much input a service takes and how long it waits for it ({@code envgov.web}, set for every service in
 * {@code envgov-platform.yml}).
 *
 * @param input   the shared input checks (control characters, blank path variables, body limits); on for services
 * @param bodyLimit the largest request body by default, and by path pattern for endpoints that need more
 * @param outage  what an answer to an outage of the database says
 * @param server  the Netty server's timeouts for slow clients
 */
@ConfigurationProperties("envgov.web")
public record InputProperties(Input input, BodyLimit bodyLimit, Outage outage, Server server) {

    public InputProperties {
        input = input == null ? new Input(false) : input;
        bodyLimit = bodyLimit == null ? new BodyLimit(null, null) : bodyLimit;
        outage = outage == null ? new Outage(null) : outage;
        server = server == null ? new Server(null, null) : server;
    }

    /** @param enabled whether the platform's input filter and JSON text check run (services: yes; gateway: no) */
    public record Input(boolean enabled) {
    }

    /**
     * @param defaultMax the largest body of any endpoint not named below (ERR-BODY-LIMIT)
     * @param paths      path patterns ({@code /api/complaints/*}{@code /photos}) and their larger limit
     */
    public record BodyLimit(DataSize defaultMax, Map<String, DataSize> paths) {

        public BodyLimit {
            defaultMax = defaultMax == null ? DataSize.ofKilobytes(64) : defaultMax;
            paths = paths == null ? Map.of() : Map.copyOf(paths);
        }
    }

    /** @param retryAfter what the 503 answer to a database outage tells the client to wait (ERR-OUTAGE-503) */
    public record Outage(Duration retryAfter) {

        public Outage {
            retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        }
    }

    /**
     * @param readTimeout    the longest pause between two reads of a request's body
     * @param requestTimeout the longest time to read a whole request
     */
    public record Server(Duration readTimeout, Duration requestTimeout) {
    }
}
