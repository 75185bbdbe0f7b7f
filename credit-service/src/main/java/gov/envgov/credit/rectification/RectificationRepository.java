package gov.envgov.credit.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class RectificationRepository {

    private static final String COLUMNS = "id, subject_code, subject_name, period, grade, quarter, quarter_end, due_on,"
            + " status, content, evidence, filed_on, filed_by, late, review_note, reviewed_by, reviewed_on, version";
    private static final TypeReference<List<RectificationReport.Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    RectificationRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when the subject owes that quarter already. */
    Mono<Boolean> owe(RectificationReport report, Instant now) {
        return db.sql("""
                        INSERT INTO rectification_report (id, subject_code, subject_name, period, grade, quarter,
                            quarter_end, due_on, status, created_at, updated_at)
                        VALUES (:id, :subject, :name, :period, :grade, :quarter, :quarterEnd, :dueOn, :status, :now,
                            :now)
                        ON CONFLICT (subject_code, quarter) DO NOTHING""")
                .bind("id", report.id()).bind("subject", report.subjectCode()).bind("name", report.subjectName())
                .bind("period", report.period()).bind("grade", report.grade()).bind("quarter", report.quarter())
                .bind("quarterEnd", report.quarterEnd()).bind("dueOn", report.dueOn())
                .bind("status", report.status().name()).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** False when someone changed the report meanwhile. */
    Mono<Boolean> update(RectificationReport next, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", next.id());
        values.put("status", next.status().name());
        values.put("content", Parameter.fromOrEmpty(next.content(), String.class));
        values.put("evidence", Json.of(json.writeValueAsString(next.evidence())));
        values.put("filedOn", Parameter.fromOrEmpty(next.filedOn(), LocalDate.class));
        values.put("filedBy", Parameter.fromOrEmpty(next.filedBy(), String.class));
        values.put("late", next.late());
        values.put("note", Parameter.fromOrEmpty(next.reviewNote(), String.class));
        values.put("reviewedBy", Parameter.fromOrEmpty(next.reviewedBy(), String.class));
        values.put("reviewedOn", Parameter.fromOrEmpty(next.reviewedOn(), LocalDate.class));
        values.put("version", next.version());
        values.put("now", now);
        return db.sql("""
                        UPDATE rectification_report SET status = :status, content = :content, evidence = :evidence,
                            filed_on = :filedOn, filed_by = :filedBy, late = :late, review_note = :note,
                            reviewed_by = :reviewedBy, reviewed_on = :reviewedOn, version = version + 1,
                            updated_at = :now
                        WHERE id = :id AND version = :version""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Unfiled reports whose day has passed become overdue. */
    Mono<Long> markOverdue(LocalDate today, Instant now) {
        return db.sql("UPDATE rectification_report SET status = 'OVERDUE', version = version + 1, updated_at = :now"
                        + " WHERE status = 'DUE' AND due_on < :today")
                .bind("today", today).bind("now", now).fetch().rowsUpdated();
    }

    /** A subject whose grade of a period no longer owes reports: its open ones are waived. */
    Mono<Long> waive(String subjectCode, int period, Instant now) {
        return db.sql("UPDATE rectification_report SET status = 'WAIVED', version = version + 1, updated_at = :now"
                        + " WHERE subject_code = :subject AND period = :period"
                        + " AND status IN ('DUE', 'OVERDUE', 'RETURNED')")
                .bind("subject", subjectCode).bind("period", period).bind("now", now).fetch().rowsUpdated();
    }

    /** The subjects that owe at least one report not yet filed. */
    Flux<String> subjectsWithOpenReports() {
        return db.sql("SELECT DISTINCT subject_code FROM rectification_report"
                        + " WHERE status IN ('DUE', 'OVERDUE', 'RETURNED')")
                .map(row -> row.get("subject_code", String.class)).all();
    }

    Mono<RectificationReport> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM rectification_report WHERE id = :id").bind("id", id)
                .map(this::read).one();
    }

    Flux<RectificationReport> ofSubject(String subjectCode) {
        return db.sql("SELECT " + COLUMNS + " FROM rectification_report WHERE subject_code = :subject"
                        + " ORDER BY quarter_end DESC")
                .bind("subject", subjectCode).map(this::read).all();
    }

    /** Overdue first, then by due day (the officer's queue). */
    Flux<RectificationReport> search(Collection<RectificationStatus> statuses, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM rectification_report WHERE status = ANY(:statuses)"
                        + " ORDER BY (status = 'OVERDUE') DESC, due_on, subject_code LIMIT :limit OFFSET :offset")
                .bind("statuses", names(statuses)).bind("limit", limit).bind("offset", offset)
                .map(this::read).all();
    }

    Mono<Long> count(Collection<RectificationStatus> statuses) {
        return db.sql("SELECT count(*) AS n FROM rectification_report WHERE status = ANY(:statuses)")
                .bind("statuses", names(statuses)).map(row -> row.get("n", Long.class)).one();
    }

    private static String[] names(Collection<RectificationStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private RectificationReport read(Readable row) {
        Json evidence = row.get("evidence", Json.class);
        return new RectificationReport(row.get("id", UUID.class), row.get("subject_code", String.class),
                row.get("subject_name", String.class), row.get("period", Integer.class),
                row.get("grade", String.class), row.get("quarter", String.class),
                row.get("quarter_end", LocalDate.class), row.get("due_on", LocalDate.class),
                RectificationStatus.valueOf(row.get("status", String.class)), row.get("content", String.class),
                evidence == null ? List.of() : json.readValue(evidence.asString(), EVIDENCE),
                row.get("filed_on", LocalDate.class), row.get("filed_by", String.class),
                Boolean.TRUE.equals(row.get("late", Boolean.class)), row.get("review_note", String.class),
                row.get("reviewed_by", String.class), row.get("reviewed_on", LocalDate.class),
                row.get("version", Long.class));
    }
}
