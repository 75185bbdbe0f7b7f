package gov.envgov.credit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
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
import tools.jackson.databind.json.JsonMapper;

/** Evaluations and their results; results are only ever inserted. */
@Repository
public class EvaluationRepository {

    private static final String COLUMNS = "id, period, scheme_version, status, preliminary_on, objection_ends,"
            + " approved_on, approved_by, final_due, published_on, started_by, version";
    private static final String RESULT_COLUMNS = "evaluation_id, period, subject_code, subject_name, version, score,"
            + " grade, veto, reason, explanation, created_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    EvaluationRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when the period has its evaluation already. */
    Mono<Boolean> insert(Evaluation evaluation, Instant now) {
        return db.sql("""
                        INSERT INTO credit_evaluation (id, period, scheme_version, status, preliminary_on,
                                                       objection_ends, started_by, updated_at, version)
                        VALUES (:id, :period, :scheme, :status, :preliminaryOn, :objectionEnds, :startedBy, :now, 0)
                        ON CONFLICT (period) DO NOTHING""")
                .bind("id", evaluation.id()).bind("period", evaluation.period())
                .bind("scheme", evaluation.schemeVersion()).bind("status", evaluation.status().name())
                .bind("preliminaryOn", evaluation.preliminaryOn()).bind("objectionEnds", evaluation.objectionEnds())
                .bind("startedBy", evaluation.startedBy()).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Writes a transition, conditional on the version it came from. */
    Mono<Boolean> update(Evaluation next, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", next.id());
        values.put("status", next.status().name());
        values.put("approvedOn", Parameter.fromOrEmpty(next.approvedOn(), LocalDate.class));
        values.put("approvedBy", Parameter.fromOrEmpty(next.approvedBy(), String.class));
        values.put("finalDue", Parameter.fromOrEmpty(next.finalDue(), LocalDate.class));
        values.put("publishedOn", Parameter.fromOrEmpty(next.publishedOn(), LocalDate.class));
        values.put("now", now);
        values.put("version", next.version());
        return db.sql("""
                        UPDATE credit_evaluation SET status = :status, approved_on = :approvedOn,
                            approved_by = :approvedBy, final_due = :finalDue, published_on = :publishedOn,
                            updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Evaluation> find(int period) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_evaluation WHERE period = :period")
                .bind("period", period).map(this::read).one();
    }

    Flux<Evaluation> all() {
        return db.sql("SELECT " + COLUMNS + " FROM credit_evaluation ORDER BY period DESC").map(this::read).all();
    }

    /** Approved evaluations whose final publication is due on or before the day. */
    Flux<Evaluation> publicationDue(LocalDate today, Set<EvaluationStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_evaluation WHERE status = ANY(:statuses)"
                        + " AND final_due <= :today ORDER BY period")
                .bind("statuses", SqlValues.names(statuses)).bind("today", today).map(this::read).all();
    }

    /** Inserts results in statements of at most {@code batch} rows. */
    Mono<Void> insertResults(List<CreditResult> results, int batch) {
        return Flux.range(0, (results.size() + batch - 1) / batch)
                .concatMap(chunk -> insertChunk(results.subList(chunk * batch,
                        Math.min(results.size(), (chunk + 1) * batch))))
                .then();
    }

    private Mono<Void> insertChunk(List<CreditResult> chunk) {
        StringBuilder sql = new StringBuilder("INSERT INTO credit_result (" + RESULT_COLUMNS + ") VALUES ");
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:e#, :p#, :s#, :n#, :v#, :score#, :g#, :veto#, :r#, :x#, :at#)"
                    .replace("#", String.valueOf(i)));
            CreditResult result = chunk.get(i);
            values.put("e" + i, result.evaluationId());
            values.put("p" + i, result.period());
            values.put("s" + i, result.subjectCode());
            values.put("n" + i, result.subjectName());
            values.put("v" + i, result.version());
            values.put("score" + i, result.score());
            values.put("g" + i, result.grade());
            values.put("veto" + i, result.veto());
            values.put("r" + i, result.reason().name());
            values.put("x" + i, Json.of(json.writeValueAsString(result.explanation())));
            values.put("at" + i, result.createdAt());
        }
        return db.sql(sql.toString()).bindValues(values).then();
    }

    /** The newest version of every subject's result of an evaluation, by credit code. */
    Flux<CreditResult> current(UUID evaluationId, long offset, int limit) {
        return db.sql("SELECT DISTINCT ON (subject_code) " + RESULT_COLUMNS + " FROM credit_result"
                        + " WHERE evaluation_id = :id ORDER BY subject_code, version DESC LIMIT :limit OFFSET :offset")
                .bind("id", evaluationId).bind("limit", limit).bind("offset", offset).map(this::readResult).all();
    }

    Mono<Long> countSubjects(UUID evaluationId) {
        return db.sql("SELECT count(DISTINCT subject_code) AS n FROM credit_result WHERE evaluation_id = :id")
                .bind("id", evaluationId).map(row -> row.get("n", Long.class)).one();
    }

    /** Every version of a subject's result of an evaluation, the newest first. */
    Flux<CreditResult> versions(UUID evaluationId, String subjectCode) {
        return db.sql("SELECT " + RESULT_COLUMNS + " FROM credit_result WHERE evaluation_id = :id"
                        + " AND subject_code = :subject ORDER BY version DESC")
                .bind("id", evaluationId).bind("subject", subjectCode).map(this::readResult).all();
    }

    /** The newest version of a subject's result of an evaluation. */
    Mono<CreditResult> newest(UUID evaluationId, String subjectCode) {
        return db.sql("SELECT " + RESULT_COLUMNS + " FROM credit_result WHERE evaluation_id = :id"
                        + " AND subject_code = :subject ORDER BY version DESC LIMIT 1")
                .bind("id", evaluationId).bind("subject", subjectCode).map(this::readResult).one();
    }

    /** The subject's newest result of the newest period whose evaluation is in these states. */
    Mono<CreditResult> latest(String subjectCode, Set<EvaluationStatus> statuses) {
        return db.sql("SELECT r.evaluation_id, r.period, r.subject_code, r.subject_name, r.version, r.score,"
                        + " r.grade, r.veto, r.reason, r.explanation, r.created_at"
                        + " FROM credit_result r JOIN credit_evaluation e ON e.id = r.evaluation_id"
                        + " WHERE r.subject_code = :subject AND e.status = ANY(:statuses)"
                        + " ORDER BY r.period DESC, r.version DESC LIMIT 1")
                .bind("subject", subjectCode).bind("statuses", SqlValues.names(statuses))
                .map(this::readResult).one();
    }

    /** The subject's newest result of every period, the newest period first. */
    /** The newest result of every period whose evaluation is final: what the public may read. */
    Flux<CreditResult> finalOfSubject(String subjectCode) {
        return db.sql("SELECT DISTINCT ON (r.period) r.evaluation_id, r.period, r.subject_code, r.subject_name,"
                        + " r.version, r.score, r.grade, r.veto, r.reason, r.explanation, r.created_at"
                        + " FROM credit_result r JOIN credit_evaluation e ON e.id = r.evaluation_id"
                        + " WHERE r.subject_code = :subject AND e.status = 'FINAL'"
                        + " ORDER BY r.period DESC, r.version DESC")
                .bind("subject", subjectCode).map(this::readResult).all();
    }

    /** Every subject's result in force: the newest version of its newest final period, with its publication day. */
    Flux<EvaluationService.InForce> inForce() {
        return db.sql("SELECT DISTINCT ON (r.subject_code) r.evaluation_id, r.period, r.subject_code,"
                        + " r.subject_name, r.version, r.score, r.grade, r.veto, r.reason, r.explanation, r.created_at,"
                        + " e.published_on FROM credit_result r JOIN credit_evaluation e ON e.id = r.evaluation_id"
                        + " WHERE e.status = 'FINAL' ORDER BY r.subject_code, r.period DESC, r.version DESC")
                .map(row -> new EvaluationService.InForce(readResult(row), row.get("published_on", LocalDate.class)))
                .all();
    }

    Flux<CreditResult> ofSubject(String subjectCode) {
        return db.sql("SELECT DISTINCT ON (period) " + RESULT_COLUMNS + " FROM credit_result"
                        + " WHERE subject_code = :subject ORDER BY period DESC, version DESC")
                .bind("subject", subjectCode).map(this::readResult).all();
    }

    private Evaluation read(Readable row) {
        return new Evaluation(row.get("id", UUID.class), row.get("period", Integer.class),
                row.get("scheme_version", String.class), EvaluationStatus.valueOf(row.get("status", String.class)),
                row.get("preliminary_on", LocalDate.class), row.get("objection_ends", LocalDate.class),
                row.get("approved_on", LocalDate.class), row.get("approved_by", String.class),
                row.get("final_due", LocalDate.class), row.get("published_on", LocalDate.class),
                row.get("started_by", String.class), row.get("version", Long.class));
    }

    private CreditResult readResult(Readable row) {
        return new CreditResult(row.get("evaluation_id", UUID.class), row.get("period", Integer.class),
                row.get("subject_code", String.class), row.get("subject_name", String.class),
                row.get("version", Integer.class), row.get("score", Integer.class), row.get("grade", String.class),
                Boolean.TRUE.equals(row.get("veto", Boolean.class)),
                ResultReason.valueOf(row.get("reason", String.class)),
                json.readValue(row.get("explanation", Json.class).asString(), Explanation.class),
                row.get("created_at", Instant.class));
    }
}
