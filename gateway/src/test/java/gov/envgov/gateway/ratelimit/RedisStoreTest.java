package gov.envgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import gov.envgov.gateway.GatewayTestBase;

/** The gateway application with {@code store=redis}: its buckets are the ones in Redis (skipped without Redis). */
@TestPropertySource(properties = {"envgov.gateway.rate-limits.store=redis", "spring.data.redis.host=127.0.0.1"})
class RedisStoreTest extends GatewayTestBase {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    @DisplayName("GW-RATE-SHARED: with store=redis the gateway counts in Redis, where a second replica would see it")
    void gatewayCountsInRedis() {
        assumeTrue(RedisRateLimiterTest.redisIsThere(), "no Redis on 127.0.0.1:6379");
        String address = "192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        redis.delete("envgov:gateway:rate:public:" + address).block();
        client(address).get().uri("/api/public/permits").exchange().expectStatus().isOk();
        assertThat(redis.opsForHash().get("envgov:gateway:rate:public:" + address, "tokens").block())
                .isEqualTo("9");
        // Another replica (here: this test) empties the bucket; the gateway sees it at once.
        redis.opsForHash().put("envgov:gateway:rate:public:" + address, "tokens", "0").block();
        client(address).get().uri("/api/public/permits").exchange().expectStatus().isEqualTo(429);
        redis.delete("envgov:gateway:rate:public:" + address).block();
    }
}
