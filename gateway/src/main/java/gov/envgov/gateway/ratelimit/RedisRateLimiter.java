package gov.envgov.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway replica: one Lua script refills and takes atomically on Redis's clock.
 * When Redis does not answer in time the request passes uncounted (logged at most once a minute): an outage of the
 * counters must not become an outage of the platform.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String PREFIX = "envgov:gateway:rate:";
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(
            new ClassPathResource("ratelimit/token-bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final AtomicLong lastWarning = new AtomicLong();

    RedisRateLimiter(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
        return redis.execute(SCRIPT, List.of(PREFIX + key),
                        List.of(String.valueOf(limit.capacity()), String.valueOf(limit.perSecond())))
                .next()
                .map(result -> result.get(0) == 1L ? Decision.ALLOWED
                        : new Decision(false, Duration.ofMillis(result.get(1))))
                .timeout(timeout)
                .onErrorResume(error -> {
                    warn(error);
                    return Mono.just(Decision.ALLOWED);
                })
                .defaultIfEmpty(Decision.ALLOWED);
    }

    private void warn(Throwable error) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            log.warn("rate-limit counters in Redis unavailable, requests pass uncounted: {}", error.toString());
        }
    }
}
