package gov.envgov.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** PORTAL-REPORT-RATE-LIMIT: the token bucket behind the limit on anonymous reports. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(new TokenBuckets.Limit(2, 0.5), now::get);

    @Test
    void aBucketAllowsItsCapacityThenSaysWhenTheNextTokenComes() {
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();
        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        now.addAndGet(2_000_000_000L);
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void oneKeyEmptyingItsBucketLeavesAnotherFull() {
        for (int i = 0; i < 5; i++) {
            buckets.take("flood");
        }
        assertThat(buckets.take("flood").allowed()).isFalse();
        assertThat(buckets.take("other").allowed()).isTrue();
        assertThat(buckets.take("other").allowed()).isTrue();
    }

    @Test
    void aLimitNeedsACapacityAndARate() {
        assertThatThrownBy(() -> new TokenBuckets.Limit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBuckets.Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
