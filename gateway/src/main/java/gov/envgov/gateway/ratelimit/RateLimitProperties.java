package gov.envgov.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's rate limits, each a token bucket: {@code capacity} requests at once, refilled at {@code perSecond}.
 * ({@code envgov.gateway.rate-limits.enabled=false} switches them off, for load tests that measure the services.)
 *
 * @param store           where the counters live: {@code memory} (one gateway) or {@code redis} (several replicas)
 * @param publicRoutes    per client address, on {@code /api/public/**} and {@code /open311/**} reads
 * @param anonymousWrites per client address, on writes to the public routes (Open311 filing)
 * @param writes          per user (the token's subject), on every other write
 * @param redisTimeout    how long a Redis call may take before the request passes uncounted
 */
@ConfigurationProperties("envgov.gateway.rate-limits")
public record RateLimitProperties(Store store, Limit publicRoutes, Limit anonymousWrites,
                                  Limit writes, Duration redisTimeout) {

    public RateLimitProperties {
        store = store == null ? Store.MEMORY : store;
        publicRoutes = publicRoutes == null ? new Limit(200, 20) : publicRoutes;
        anonymousWrites = anonymousWrites == null ? new Limit(20, 0.2) : anonymousWrites;
        writes = writes == null ? new Limit(200, 20) : writes;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(500) : redisTimeout;
    }

    public enum Store { MEMORY, REDIS }

    /** A bucket of {@code capacity} tokens refilled at {@code perSecond}; a request takes one. */
    public record Limit(int capacity, double perSecond) {

        public Limit {
            if (capacity < 1 || !(perSecond > 0)) {
                throw new IllegalArgumentException("a rate limit needs capacity >= 1 and per-second > 0, got "
                        + capacity + " and " + perSecond);
            }
        }
    }
}
