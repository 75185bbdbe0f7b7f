package gov.envgov.support.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.events.FeedConsumer;
import gov.envgov.support.events.FeedConsumerProperties;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.events.FeedPage;
import gov.envgov.support.events.FeedSource;
import gov.envgov.support.events.FeedSubscription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A producer's feed as a consumer receives it, for service tests of consumers: events in the wire shape of
 * permit-service's contract ({@code EnterpriseRegistered}/{@code EnterpriseChanged} with an {@code enterprise}
 * snapshot). The system tests run the same consumers against the real producer over HTTP.
 */
public final class FeedFixtures implements FeedSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String producer;
    private final List<FeedEvent> events = new ArrayList<>();

    public FeedFixtures(String producer) {
        this.producer = producer;
    }

    public FeedFixtures enterprise(String type, String code, String name, String district, String managementClass,
                                   long version) {
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("code", code);
        snapshot.put("name", name);
        snapshot.put("district", district);
        snapshot.put("industryCode", "C2511");
        snapshot.put("managementClass", managementClass);
        snapshot.put("address", "示范路1号");
        snapshot.put("version", version);
        events.add(new FeedEvent(events.size() + 1, UUID.randomUUID(), type, "Enterprise", code, Instant.now(),
                JSON.valueToTree(Map.of("enterprise", snapshot))));
        return this;
    }

    /** Any event of the producer's contract, with the payload in its wire shape (a record or a map). */
    public FeedFixtures event(UUID eventId, String type, String aggregateType, String aggregateId, Object payload) {
        events.add(new FeedEvent(events.size() + 1, eventId, type, aggregateType, aggregateId, Instant.now(),
                JSON.valueToTree(payload)));
        return this;
    }

    /** The subscription a service declared under this consumer name (a service may have several). */
    public static FeedSubscription named(List<FeedSubscription> subscriptions, String consumer) {
        return subscriptions.stream().filter(subscription -> subscription.consumer().equals(consumer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subscription " + consumer + " among "
                        + subscriptions.stream().map(FeedSubscription::consumer).toList()));
    }

    /** Applies these events through the consumer's real subscription, as its feed consumer would. */
    public void applyTo(FeedSubscription subscription, DatabaseClient db, TransactionalOperator transactions) {
        new FeedConsumer(subscription, this, db, transactions, new FeedConsumerProperties(true, 100, null, null, null))
                .drain().block();
    }

    @Override
    public String producer() {
        return producer;
    }

    @Override
    public Mono<FeedPage> fetch(long after, int limit) {
        List<FeedEvent> page = events.stream().filter(event -> event.position() > after).limit(limit).toList();
        return Mono.just(new FeedPage(page, page.isEmpty() ? after : page.get(page.size() - 1).position()));
    }
}
