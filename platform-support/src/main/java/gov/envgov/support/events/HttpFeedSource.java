package gov.envgov.support.events;

import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Reads a producer's {@code /internal/events} over HTTP. The web client resolves {@code lb://}-style service names
 * through Eureka and carries the service account's token.
 */
public class HttpFeedSource implements FeedSource {

    private final String producer;
    private final WebClient client;

    public HttpFeedSource(String producer, WebClient client) {
        this.producer = producer;
        this.client = client;
    }

    @Override
    public String producer() {
        return producer;
    }

    @Override
    public Mono<FeedPage> fetch(long after, int limit) {
        return client.get()
                .uri("http://{producer}/internal/events?after={after}&limit={limit}", producer, after, limit)
                .retrieve()
                .bodyToMono(FeedPage.class);
    }
}
