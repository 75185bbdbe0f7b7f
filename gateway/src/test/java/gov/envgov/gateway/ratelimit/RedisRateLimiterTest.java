package gov.envgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Two gateway replicas' limiters on one Redis (this machine's, on 127.0.0.1:6379; skipped where there is none,
 * since the default store is memory and the README's commands must not need Redis).
 */
class RedisRateLimiterTest {

    private final RateLimitProperties.Limit limit = new RateLimitProperties.Limit(5, 0.5);
    private LettuceConnectionFactory factory;

    static boolean redisIsThere() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (IOException none) {
            return false;
        }
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.destroy();
        }
    }

    @Test
    @DisplayName("GW-RATE-SHARED: replicas share one bucket per key in Redis; other keys are unaffected")
    void replicasShareOneBucketPerKey() {
        assumeTrue(redisIsThere(), "no Redis on 127.0.0.1:6379");
        ReactiveStringRedisTemplate redis = redis();
        RedisRateLimiter replicaA = new RedisRateLimiter(redis, Duration.ofSeconds(2));
        RedisRateLimiter replicaB = new RedisRateLimiter(redis, Duration.ofSeconds(2));
        String key = "test:" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            RedisRateLimiter replica = i % 2 == 0 ? replicaA : replicaB;
            if (replica.take(key, limit).block().allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).as("the capacity once, not once per replica").isEqualTo(5);
        RateLimiter.Decision refused = replicaB.take(key, limit).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMillis(1), Duration.ofSeconds(2));
        assertThat(replicaA.take("test:" + UUID.randomUUID(), limit).block().allowed()).isTrue();
    }

    @Test
    @DisplayName("GW-RATE-SHARED: without Redis requests pass uncounted rather than fail")
    void withoutRedisRequestsPass() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", 1));
        nowhere.afterPropertiesSet();
        factory = nowhere;
        RedisRateLimiter limiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(nowhere),
                Duration.ofMillis(300));
        assertThat(limiter.take("test:x", limit).block(Duration.ofSeconds(5)).allowed()).isTrue();
    }

    private ReactiveStringRedisTemplate redis() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        return new ReactiveStringRedisTemplate(factory);
    }
}
