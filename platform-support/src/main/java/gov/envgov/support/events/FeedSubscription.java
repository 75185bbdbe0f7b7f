package gov.envgov.support.events;

import java.util.Map;

/**
 * What one consumer takes from one producer: a handler per event type; other types are passed over (their
 * position still advances the cursor).
 *
 * @param consumer a stable name for the cursor row, e.g. {@code enterprise-directory}
 * @param producer the producer's service id in Eureka, e.g. {@code permit-service}
 */
public record FeedSubscription(String consumer, String producer, Map<String, EventHandler> handlers) {

    public FeedSubscription {
        handlers = Map.copyOf(handlers);
    }
}
