package gov.envgov.support.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
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

    /** Appends many events with one statement per hundred (a batch that causes many, such as monitoring). */
    public Mono<Void> appendAll(List<? extends PublishedEvent> events) {
        return Flux.fromIterable(events).buffer(100).concatMap(chunk -> {
            StringBuilder sql = new StringBuilder("INSERT INTO event_outbox (event_id, event_type, aggregate_type,"
                    + " aggregate_id, occurred_at, payload) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :type").append(i)
                        .append(", :aggregateType").append(i).append(", :aggregateId").append(i)
                        .append(", :occurredAt, :payload").append(i).append(')');
            }
            // One map bound at once: each bind() copies all earlier values, which is quadratic for a chunk.
            Map<String, Object> values = new HashMap<>();
            values.put("occurredAt", clock.instant());
            for (int i = 0; i < chunk.size(); i++) {
                PublishedEvent event = chunk.get(i);
                values.put("id" + i, UUID.randomUUID());
                values.put("type" + i, event.eventType());
                values.put("aggregateType" + i, event.aggregateType());
                values.put("aggregateId" + i, event.aggregateId());
                values.put("payload" + i, Json.of(json.writeValueAsString(event)));
            }
            return db.sql(sql.toString()).bindValues(values).then();
        }).then();
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
