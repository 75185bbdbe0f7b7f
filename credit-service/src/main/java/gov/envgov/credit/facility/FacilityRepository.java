package gov.envgov.credit.facility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class FacilityRepository {

    private static final String COLUMNS = "source_event_id, producer, subject_code, category, event_type, ref_id,"
            + " occurred_on, severity, summary, withdrawn_on";

    private final DatabaseClient db;

    FacilityRepository(DatabaseClient db) {
        this.db = db;
    }

    /** False when the source event is in the history already (a redelivery). */
    Mono<Boolean> insert(FacilityFact fact, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("eventId", fact.sourceEventId());
        values.put("producer", fact.producer());
        values.put("subject", fact.subjectCode());
        values.put("category", fact.category().name());
        values.put("eventType", fact.eventType());
        values.put("ref", Parameter.fromOrEmpty(fact.ref(), String.class));
        values.put("occurredOn", fact.occurredOn());
        values.put("severity", fact.severity().name());
        values.put("summary", fact.summary());
        values.put("now", now);
        return db.sql("""
                        INSERT INTO facility_fact (source_event_id, producer, subject_code, category, event_type,
                            ref_id, occurred_on, severity, summary, received_at)
                        VALUES (:eventId, :producer, :subject, :category, :eventType, :ref, :occurredOn, :severity,
                            :summary, :now)
                        ON CONFLICT (source_event_id) DO NOTHING""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Marks a case's decision facts withdrawn (the withdrawal itself is a fact of its own). */
    Mono<Long> withdraw(String ref, LocalDate withdrawnOn) {
        return db.sql("""
                        UPDATE facility_fact SET withdrawn_on = :on
                        WHERE ref_id = :ref AND event_type IN ('PenaltyDecided', 'PenaltyPaid')
                            AND withdrawn_on IS NULL""")
                .bind("ref", ref).bind("on", withdrawnOn).fetch().rowsUpdated();
    }

    /** The subject's facts, newest first; permits always, everything else from {@code since}. */
    Flux<FacilityFact> ofSubject(String subjectCode, LocalDate since) {
        return db.sql("SELECT " + COLUMNS + " FROM facility_fact WHERE subject_code = :subject"
                        + " AND (occurred_on >= :since OR category = 'PERMIT')"
                        + " ORDER BY occurred_on DESC, received_at DESC, source_event_id")
                .bind("subject", subjectCode).bind("since", since).map(FacilityRepository::read).all();
    }

    /** False when the same bytes are pinned already. */
    Mono<Boolean> pin(String sha256, String subjectCode, LocalDate asOf, byte[] body, Instant now) {
        return db.sql("""
                        INSERT INTO facility_snapshot (sha256, subject_code, as_of, body, pinned_at)
                        VALUES (:sha, :subject, :asOf, :body, :now) ON CONFLICT (sha256) DO NOTHING""")
                .bind("sha", sha256).bind("subject", subjectCode).bind("asOf", asOf)
                .bind("body", java.nio.ByteBuffer.wrap(body)).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Snapshot> snapshot(String sha256) {
        return db.sql("SELECT sha256, subject_code, as_of, body, pinned_at FROM facility_snapshot WHERE sha256 = :sha")
                .bind("sha", sha256)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("body", java.nio.ByteBuffer.class);
                    byte[] body = new byte[buffer.remaining()];
                    buffer.get(body);
                    return new Snapshot(row.get("sha256", String.class), row.get("subject_code", String.class),
                            row.get("as_of", LocalDate.class), body, row.get("pinned_at", Instant.class));
                }).one();
    }

    /** A pinned report: the bytes exactly as they were served. */
    record Snapshot(String sha256, String subjectCode, LocalDate asOf, byte[] body, Instant pinnedAt) {
    }

    private static FacilityFact read(Readable row) {
        return new FacilityFact(row.get("source_event_id", UUID.class), row.get("producer", String.class),
                row.get("subject_code", String.class), FacilityCategory.valueOf(row.get("category", String.class)),
                row.get("event_type", String.class), row.get("ref_id", String.class),
                row.get("occurred_on", LocalDate.class), Severity.valueOf(row.get("severity", String.class)),
                row.get("summary", String.class), row.get("withdrawn_on", LocalDate.class));
    }
}
