package gov.envgov.gateway.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The limits as one web filter; off with {@code envgov.gateway.rate-limits.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

    @Bean
    ClientAddress clientAddress(@Value("${envgov.gateway.client-address.trusted-proxies:^$}") String trusted) {
        return new ClientAddress(trusted);
    }

    @Bean
    @ConditionalOnProperty(name = "envgov.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
    RateLimits rateLimits(RateLimitProperties properties, ClientAddress clientAddress,
                          ObjectProvider<ReactiveStringRedisTemplate> redis) {
        RateLimiter limiter = properties.store() == RateLimitProperties.Store.REDIS
                ? new RedisRateLimiter(redis.getObject(), properties.redisTimeout())
                : new MemoryRateLimiter(System::nanoTime);
        return new RateLimits(properties, limiter, clientAddress);
    }
}
