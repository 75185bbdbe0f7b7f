package gov.envgov.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * Buckets in this process's memory: right for the one embedded gateway, wrong for several replicas (each would
 * allow the whole limit). Buckets that have refilled completely are forgotten once there are many, so a client
 * rotating addresses costs memory only while its buckets are partly empty.
 */
final class MemoryRateLimiter implements RateLimiter {

    private static final int SWEEP_ABOVE = 50_000;
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweep = new AtomicLong();

    MemoryRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
        long now = nanoTime.getAsLong();
        long last = lastSweep.get();
        // At most once a second, so that many clients at once do not make every request walk every bucket.
        if (buckets.size() > SWEEP_ABOVE && now - last > SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, ignored -> new Bucket(limit, now));
        return Mono.just(bucket.take(now));
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long at;

        Bucket(RateLimitProperties.Limit limit, long now) {
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
