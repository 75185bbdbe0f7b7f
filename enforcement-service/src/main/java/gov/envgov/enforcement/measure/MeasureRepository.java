package gov.envgov.enforcement.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class MeasureRepository {

    private final DatabaseClient db;
    private final JsonMapper json;

    MeasureRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> insert(SideMeasure measure, Instant now) {
        return db.sql("""
                        INSERT INTO side_measure (id, case_id, enterprise_code, kind, status, state, next_due,
                                                  created_at, version)
                        VALUES (:id, :case, :code, :kind, :status, :state, :due, :now, 0)""")
                .bind("id", measure.id()).bind("case", measure.caseId()).bind("code", measure.enterpriseCode())
                .bind("kind", measure.kind().name()).bind("status", measure.status().name())
                .bind("state", Json.of(json.writeValueAsString(measure)))
                .bind("due", Parameter.fromOrEmpty(measure.nextDue(), LocalDate.class)).bind("now", now)
                .then();
    }

    /** Writes a transition, conditional on the version it came from. */
    Mono<Boolean> update(SideMeasure next) {
        return db.sql("""
                        UPDATE side_measure SET status = :status, state = :state, next_due = :due,
                                                deadline_passed_on = NULL, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bind("status", next.status().name()).bind("state", Json.of(json.writeValueAsString(next)))
                .bind("due", Parameter.fromOrEmpty(next.nextDue(), LocalDate.class))
                .bind("id", next.id()).bind("version", next.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Active measures whose deadline is before {@code today} and was not reported yet, the oldest first. */
    Flux<SideMeasure> deadlinePassed(LocalDate today, int limit) {
        return db.sql("SELECT state, version FROM side_measure WHERE next_due < :today"
                        + " AND deadline_passed_on IS NULL ORDER BY next_due, id LIMIT :limit")
                .bind("today", today).bind("limit", limit).map(this::read).all();
    }

    /** Marks a passed deadline as reported; false when another replica did, or the measure moved on meanwhile. */
    Mono<Boolean> markDeadlinePassed(SideMeasure measure, LocalDate today) {
        return db.sql("UPDATE side_measure SET deadline_passed_on = :today"
                        + " WHERE id = :id AND version = :version AND deadline_passed_on IS NULL")
                .bind("today", today).bind("id", measure.id()).bind("version", measure.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<SideMeasure> find(UUID caseId, UUID id) {
        return db.sql("SELECT state, version FROM side_measure WHERE id = :id AND case_id = :case")
                .bind("id", id).bind("case", caseId).map(this::read).one();
    }

    Flux<SideMeasure> ofCase(UUID caseId) {
        return db.sql("SELECT state, version FROM side_measure WHERE case_id = :case ORDER BY created_at, id")
                .bind("case", caseId).map(this::read).all();
    }

    /** Active measures, the nearest deadline first (overdue ones lead). */
    Flux<SideMeasure> queue(long offset, int limit) {
        return db.sql("SELECT state, version FROM side_measure WHERE next_due IS NOT NULL"
                        + " ORDER BY next_due, id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> countQueue() {
        return db.sql("SELECT count(*) AS n FROM side_measure WHERE next_due IS NOT NULL")
                .map(row -> row.get("n", Long.class)).one();
    }

    private SideMeasure read(Readable row) {
        SideMeasure stored = json.readValue(row.get("state", Json.class).asString(), SideMeasure.class);
        return new SideMeasure(stored.id(), stored.caseId(), stored.enterpriseCode(), stored.kind(), stored.status(),
                stored.startedOn(), stored.endsOn(), stored.extended(), stored.testingDays(), stored.originalFine(),
                stored.periodStart(), stored.reinspectionDue(), stored.reinspections(), stored.total(),
                stored.endedOn(), stored.endReason(), row.get("version", Long.class));
    }
}
