package gov.envgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemoryRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final MemoryRateLimiter limiter = new MemoryRateLimiter(now::get);
    private final RateLimitProperties.Limit limit = new RateLimitProperties.Limit(3, 2);

    @Test
    @DisplayName("GW-RATE-PUBLIC: a bucket allows its capacity at once, then refills at its rate")
    void bucketAllowsCapacityThenRefillsAtItsRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(take("a").allowed()).isTrue();
        }
        RateLimiter.Decision refused = take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(take("a").allowed()).isTrue();
        assertThat(take("a").allowed()).isFalse();
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(take("a").allowed()).as("refilled to capacity, never beyond").isTrue();
        }
        assertThat(take("a").allowed()).isFalse();
    }

    @Test
    @DisplayName("GW-RATE-PUBLIC: each key has its own bucket")
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            take("a");
        }
        assertThat(take("a").allowed()).isFalse();
        assertThat(take("b").allowed()).isTrue();
        assertThat(limiter.size()).isEqualTo(2);
    }

    private RateLimiter.Decision take(String key) {
        return limiter.take(key, limit).block();
    }

    @Test
    @DisplayName("GW-RATE-PUBLIC: buckets that have refilled are forgotten once there are many (addresses rotated)")
    void refilledBucketsAreForgottenOnceThereAreMany() {
        for (int i = 0; i <= 50_000; i++) {
            take("rotating-" + i);
        }
        take("partly-empty");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        take("partly-empty");
        assertThat(limiter.size()).as("every refilled bucket forgotten").isEqualTo(1);
    }
}
