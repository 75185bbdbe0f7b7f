package gov.envgov.support.events;

import java.time.Clock;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events into the outbox table. Call it inside the transaction that makes the state change: the event then
 * exists exactly when the change does. Positions are assigned later by {@link EventFeed}, in commit order.
 */
public class Outbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public Outbox(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> append(PublishedEvent event) {
        return db.sql("""
                        INSERT INTO event_outbox (event_id, event_type, aggregate_type, aggregate_id, occurred_at, payload)
                        VALUES (:eventId, :type, :aggregateType, :aggregateId, :occurredAt, :payload)""")
                .bind("eventId", UUID.randomUUID())
                .bind("type", event.eventType())
                .bind("aggregateType", event.aggregateType())
                .bind("aggregateId", event.aggregateId())
                .bind("occurredAt", clock.instant())
                .bind("payload", Json.of(json.writeValueAsString(event)))
                .then();
    }
}
