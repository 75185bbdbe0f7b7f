package gov.envgov.credit.evaluation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
public class ObjectionRepository {

    private static final String COLUMNS = "id, evaluation_id, period, subject_code, result_version, reasons, evidence,"
            + " disputed_records, status, filed_by, filed_at, answer, answered_by, answered_at, new_version";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    ObjectionRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> insert(Objection objection) {
        return db.sql("INSERT INTO credit_objection (" + COLUMNS + ") VALUES (:id, :evaluation, :period, :subject,"
                        + " :resultVersion, :reasons, :evidence, :disputed, :status, :filedBy, :filedAt, NULL, NULL,"
                        + " NULL, NULL)")
                .bind("id", objection.id()).bind("evaluation", objection.evaluationId())
                .bind("period", objection.period()).bind("subject", objection.subjectCode())
                .bind("resultVersion", objection.resultVersion()).bind("reasons", objection.reasons())
                .bind("evidence", Json.of(json.writeValueAsString(objection.evidence())))
                .bind("disputed", objection.disputedRecords().toArray(UUID[]::new))
                .bind("status", objection.status().name()).bind("filedBy", objection.filedBy())
                .bind("filedAt", objection.filedAt())
                .then();
    }

    /** Records the answer; false when the objection was answered meanwhile. */
    Mono<Boolean> answer(Objection answered) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", answered.id());
        values.put("status", answered.status().name());
        values.put("answer", answered.answer());
        values.put("answeredBy", answered.answeredBy());
        values.put("answeredAt", answered.answeredAt());
        values.put("newVersion", Parameter.fromOrEmpty(answered.newVersion(), Integer.class));
        values.put("open", ObjectionStatus.OPEN.name());
        return db.sql("""
                        UPDATE credit_objection SET status = :status, answer = :answer, answered_by = :answeredBy,
                            answered_at = :answeredAt, new_version = :newVersion
                        WHERE id = :id AND status = :open""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Objection> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_objection WHERE id = :id").bind("id", id)
                .map(this::read).one();
    }

    Mono<Long> count(UUID evaluationId, Set<ObjectionStatus> statuses) {
        return db.sql("SELECT count(*) AS n FROM credit_objection WHERE evaluation_id = :id"
                        + " AND status = ANY(:statuses)")
                .bind("id", evaluationId).bind("statuses", SqlValues.names(statuses))
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Objections in these states, the oldest first. */
    Flux<Objection> queue(Set<ObjectionStatus> statuses, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_objection WHERE status = ANY(:statuses)"
                        + " ORDER BY filed_at, id LIMIT :limit OFFSET :offset")
                .bind("statuses", SqlValues.names(statuses)).bind("limit", limit).bind("offset", offset)
                .map(this::read).all();
    }

    Mono<Long> countQueue(Set<ObjectionStatus> statuses) {
        return db.sql("SELECT count(*) AS n FROM credit_objection WHERE status = ANY(:statuses)")
                .bind("statuses", SqlValues.names(statuses)).map(row -> row.get("n", Long.class)).one();
    }

    Flux<Objection> ofSubject(String subjectCode) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_objection WHERE subject_code = :subject"
                        + " ORDER BY filed_at DESC, id").bind("subject", subjectCode).map(this::read).all();
    }

    private Objection read(Readable row) {
        UUID[] disputed = row.get("disputed_records", UUID[].class);
        return new Objection(row.get("id", UUID.class), row.get("evaluation_id", UUID.class),
                row.get("period", Integer.class), row.get("subject_code", String.class),
                row.get("result_version", Integer.class), row.get("reasons", String.class),
                json.readValue(row.get("evidence", Json.class).asString(), STRINGS),
                disputed == null ? List.of() : List.of(disputed), ObjectionStatus.valueOf(row.get("status",
                String.class)), row.get("filed_by", String.class), row.get("filed_at", Instant.class),
                row.get("answer", String.class), row.get("answered_by", String.class),
                row.get("answered_at", Instant.class), row.get("new_version", Integer.class));
    }
}
