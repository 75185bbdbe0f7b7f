package gov.envgov.support.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.schedule.AdvisoryLock;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer side of the feed. Writers never pick feed positions: a sequence value taken by a transaction that
 * commits late would land behind positions a consumer has already passed, and the consumer would skip it. Instead a
 * single sequencer (one at a time across replicas, under a transaction-scoped advisory lock) numbers the committed
 * outbox rows that have no position yet, after the highest position already given. A row that commits later is
 * simply numbered by a later run, after everything already served, so a reader never sees a hole close behind it.
 */
public class EventFeed {

    /** Any constant works; it only has to be the same for every replica of one service. */

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public EventFeed(DatabaseClient db, TransactionalOperator transactions, JsonMapper json) {
        this.db = db;
        this.transactions = transactions;
        this.json = json;
    }

    /** Numbers the committed outbox rows that have no position yet; returns how many were numbered. */
    public Mono<Long> sequence() {
        Mono<Long> step = db.sql("SELECT pg_try_advisory_xact_lock(:lock) AS locked")
                .bind("lock", AdvisoryLock.EVENT_SEQUENCER.key())
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one()
                .flatMap(locked -> !locked ? Mono.just(0L) : db.sql("""
                                WITH base AS (SELECT coalesce(max(position), 0) AS p FROM event_outbox),
                                     ready AS (
                                         SELECT id, row_number() OVER (ORDER BY id) AS rn
                                         FROM event_outbox
                                         WHERE position IS NULL
                                         ORDER BY id
                                         LIMIT 10000)
                                UPDATE event_outbox o SET position = base.p + ready.rn
                                FROM ready, base
                                WHERE o.id = ready.id""")
                        .fetch().rowsUpdated());
        return transactions.transactional(step);
    }

    public Mono<FeedPage> read(long after, int limit) {
        return sequence().then(db.sql("""
                        SELECT position, event_id, event_type, aggregate_type, aggregate_id, occurred_at, payload
                        FROM event_outbox
                        WHERE position > :after
                        ORDER BY position
                        LIMIT :limit""")
                .bind("after", after)
                .bind("limit", limit)
                .map(row -> new FeedEvent(
                        row.get("position", Long.class),
                        row.get("event_id", UUID.class),
                        row.get("event_type", String.class),
                        row.get("aggregate_type", String.class),
                        row.get("aggregate_id", String.class),
                        row.get("occurred_at", Instant.class),
                        json.readTree(row.get("payload", Json.class).asString())))
                .all()
                .collectList()
                .map(events -> new FeedPage(events, last(events, after))));
    }

    private static long last(List<FeedEvent> events, long after) {
        return events.isEmpty() ? after : events.get(events.size() - 1).position();
    }
}
