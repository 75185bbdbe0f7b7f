package gov.envgov.support.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How consumers poll producers' feeds.
 *
 * @param enabled      off in service tests that drive consumers by hand
 * @param pageSize     events per request
 * @param pollInterval pause after a page that was not full
 * @param minBackoff   first pause after a failure; doubled per further failure
 * @param maxBackoff   longest pause after failures
 */
@ConfigurationProperties("envgov.events.consumer")
public record FeedConsumerProperties(@DefaultValue("true") boolean enabled, int pageSize, Duration pollInterval, Duration minBackoff,
                                     Duration maxBackoff) {

    public FeedConsumerProperties {
        pageSize = pageSize <= 0 ? 500 : pageSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        minBackoff = minBackoff == null ? Duration.ofMillis(250) : minBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(15) : maxBackoff;
    }

    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = minBackoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
