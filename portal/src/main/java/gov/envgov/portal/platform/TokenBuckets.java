package gov.envgov.portal.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, in this process's memory: {@code capacity} requests at once, refilled at
 * {@code perSecond}. Each portal replica counts alone, so N replicas allow N times the limit; the limit is there
 * to stop one address flooding, and a few times a small number still does. Buckets that have refilled completely
 * are forgotten once there are many, so a client rotating addresses costs memory only while its buckets are partly
 * empty.
 */
public final class TokenBuckets {

    private static final int SWEEP_ABOVE = 50_000;
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    /** A bucket of {@code capacity} tokens refilled at {@code perSecond}; a request takes one. */
    public record Limit(int capacity, double perSecond) {

        public Limit {
            if (capacity < 1 || !(perSecond > 0)) {
                throw new IllegalArgumentException("a rate limit needs capacity >= 1 and per-second > 0, got "
                        + capacity + " and " + perSecond);
            }
        }
    }

    /** Whether the request may pass, and if not, when the bucket next holds a token. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds for {@code Retry-After}, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final Limit limit;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    public TokenBuckets(Limit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    public Limit limit() {
        return limit;
    }

    public Decision take(String key) {
        long now = nanoTime.getAsLong();
        long last = lastSweep.get();
        if (buckets.size() > SWEEP_ABOVE && now - last > SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, ignored -> new Bucket(limit, now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long at;

        Bucket(Limit limit, long now) {
            this.capacity = limit.capacity();
            this.perNano = limit.perSecond() / 1e9;
            this.tokens = capacity;
            this.at = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            return new Decision(false, Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perNano);
            at = now;
        }
    }
}
