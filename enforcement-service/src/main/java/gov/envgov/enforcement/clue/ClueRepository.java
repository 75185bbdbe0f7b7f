package gov.envgov.enforcement.clue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ClueRepository {

    private static final String COLUMNS = "id, source, source_event_id, enterprise_code, district, summary, details,"
            + " status, received_on, filing_due, received_at, entered_by";
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    ClueRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when a clue from the same source event exists: a redelivered event makes no second clue. */
    Mono<Boolean> insert(Clue clue) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", clue.id());
        values.put("source", clue.source().name());
        values.put("event", Parameter.fromOrEmpty(clue.sourceEventId(), UUID.class));
        values.put("enterprise", Parameter.fromOrEmpty(clue.enterpriseCode(), String.class));
        values.put("district", Parameter.fromOrEmpty(clue.district(), String.class));
        values.put("summary", clue.summary());
        values.put("details", Json.of(json.writeValueAsString(clue.details())));
        values.put("status", clue.status().name());
        values.put("receivedOn", clue.receivedOn());
        values.put("filingDue", clue.filingDue());
        values.put("receivedAt", clue.receivedAt());
        values.put("enteredBy", clue.enteredBy());
        return db.sql("""
                        INSERT INTO clue (id, source, source_event_id, enterprise_code, district, summary, details,
                                          status, received_on, filing_due, received_at, entered_by)
                        VALUES (:id, :source, :event, :enterprise, :district, :summary, :details, :status,
                                :receivedOn, :filingDue, :receivedAt, :enteredBy)
                        ON CONFLICT (source_event_id) DO NOTHING""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Moves an open clue on; false when it was decided already. */
    Mono<Boolean> decide(UUID id, ClueStatus status) {
        return db.sql("UPDATE clue SET status = :status WHERE id = :id AND status = :open")
                .bind("status", status.name()).bind("id", id).bind("open", ClueStatus.OPEN.name())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Clue> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM clue WHERE id = :id").bind("id", id).map(this::read).one();
    }

    /** The clue a source event made, if it made one. */
    Mono<Clue> findBySourceEvent(UUID sourceEventId) {
        return db.sql("SELECT " + COLUMNS + " FROM clue WHERE source_event_id = :event").bind("event", sourceEventId)
                .map(this::read).one();
    }

    /** Clues in these states, the earliest filing deadline first (overdue ones lead). */
    Flux<Clue> queue(Set<ClueStatus> statuses, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM clue WHERE status = ANY(:statuses)"
                        + " ORDER BY filing_due, received_at, id LIMIT :limit OFFSET :offset")
                .bind("statuses", SqlValues.names(statuses)).bind("limit", limit).bind("offset", offset)
                .map(this::read).all();
    }

    Mono<Long> count(Set<ClueStatus> statuses) {
        return db.sql("SELECT count(*) AS n FROM clue WHERE status = ANY(:statuses)")
                .bind("statuses", SqlValues.names(statuses)).map(row -> row.get("n", Long.class)).one();
    }

    static Set<ClueStatus> open() {
        return EnumSet.of(ClueStatus.OPEN);
    }


    private Clue read(Readable row) {
        return new Clue(row.get("id", UUID.class), ClueSource.valueOf(row.get("source", String.class)),
                row.get("source_event_id", UUID.class), row.get("enterprise_code", String.class),
                row.get("district", String.class), row.get("summary", String.class),
                json.readValue(row.get("details", Json.class).asString(), DETAILS),
                ClueStatus.valueOf(row.get("status", String.class)), row.get("received_on", LocalDate.class),
                row.get("filing_due", LocalDate.class), row.get("received_at", Instant.class),
                row.get("entered_by", String.class));
    }
}
