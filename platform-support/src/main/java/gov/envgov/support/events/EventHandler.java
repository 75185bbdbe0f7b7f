package gov.envgov.support.events;

import reactor.core.publisher.Mono;

/**
 * Applies one event to the consumer's own tables. Runs inside the transaction that also advances the consumer's
 * cursor, so it must only write through the reactive transaction in context (repositories, DatabaseClient).
 */
@FunctionalInterface
public interface EventHandler {

    Mono<Void> apply(FeedEvent event);
}
