package gov.envgov.portal.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * With more than one portal replica, sessions (and with them the tokens and the CSRF token) live in Redis, so any
 * replica serves any request; the session cookie stays the one {@link WebConfig} describes. One replica keeps them
 * in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "envgov.portal.sessions", havingValue = "redis")
@EnableRedisWebSession(maxInactiveIntervalInSeconds = 1800, redisNamespace = "envgov:portal:session")
class RedisSessions {
}
