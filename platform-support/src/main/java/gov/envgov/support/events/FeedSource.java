package gov.envgov.support.events;

import reactor.core.publisher.Mono;

/** Where a consumer reads a producer's feed from. */
public interface FeedSource {

    String producer();

    Mono<FeedPage> fetch(long after, int limit);
}
