package gov.envgov.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/** Takes one token from the bucket {@code key} of a limit. */
interface RateLimiter {

    Mono<Decision> take(String key, RateLimitProperties.Limit limit);

    /** Whether the request may pass, and if not, when the bucket next holds a token. */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds for {@code Retry-After}, at least one. */
        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
