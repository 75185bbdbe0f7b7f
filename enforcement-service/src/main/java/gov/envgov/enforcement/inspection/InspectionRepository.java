package gov.envgov.enforcement.inspection;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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
public class InspectionRepository {

    private static final String COLUMNS = "task_id, draw_id, enterprise_code, inspectors, mode, on_site_reason,"
            + " status, checklist, started_at, started_by, completed_on, result, results_due, published_on, version";
    private static final String EVIDENCE = "id, task_id, item_id, file_name, content_type, size_bytes, sha256,"
            + " uploaded_at, uploaded_by";
    private static final TypeReference<List<CheckedItem>> CHECKLIST = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    InspectionRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when the task has its inspection already. */
    Mono<Boolean> insert(Inspection inspection) {
        return db.sql("""
                        INSERT INTO inspection (task_id, draw_id, enterprise_code, inspectors, mode, on_site_reason,
                                                status, checklist, started_at, started_by, version)
                        VALUES (:task, :draw, :code, :inspectors, :mode, :reason, :status, :checklist, :startedAt,
                                :startedBy, 0)
                        ON CONFLICT (task_id) DO NOTHING""")
                .bindValues(values(inspection, "completedOn", "result", "resultsDue", "publishedOn", "version"))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Writes a transition, conditional on the version it came from. */
    Mono<Boolean> update(Inspection next) {
        return db.sql("""
                        UPDATE inspection SET mode = :mode, on_site_reason = :reason, status = :status,
                                              checklist = :checklist, completed_on = :completedOn, result = :result,
                                              results_due = :resultsDue, published_on = :publishedOn,
                                              version = version + 1
                        WHERE task_id = :task AND version = :version""")
                .bindValues(values(next, "draw", "code", "inspectors", "startedAt", "startedBy"))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Inspection> find(UUID taskId) {
        return db.sql("SELECT " + COLUMNS + " FROM inspection WHERE task_id = :task").bind("task", taskId)
                .map(this::read).one();
    }

    /** An enterprise's inspections, the newest first. */
    Flux<Inspection> ofEnterprise(String code, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM inspection WHERE enterprise_code = :code"
                        + " ORDER BY started_at DESC, task_id LIMIT :limit OFFSET :offset")
                .bind("code", code).bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> countOfEnterprise(String code) {
        return db.sql("SELECT count(*) AS n FROM inspection WHERE enterprise_code = :code").bind("code", code)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Published results, the newest first. */
    Flux<Inspection> published(long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM inspection WHERE published_on IS NOT NULL"
                        + " ORDER BY published_on DESC, task_id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> countPublished() {
        return db.sql("SELECT count(*) AS n FROM inspection WHERE published_on IS NOT NULL")
                .map(row -> row.get("n", Long.class)).one();
    }

    Mono<Void> insertEvidence(Evidence evidence, byte[] content) {
        return db.sql("""
                        INSERT INTO inspection_evidence (id, task_id, item_id, file_name, content_type, size_bytes,
                                                         sha256, content, uploaded_at, uploaded_by)
                        VALUES (:id, :task, :item, :name, :type, :size, :sha256, :content, :at, :by)""")
                .bind("id", evidence.id()).bind("task", evidence.taskId())
                .bind("item", Parameter.fromOrEmpty(evidence.itemId(), String.class))
                .bind("name", evidence.fileName()).bind("type", evidence.contentType()).bind("size", evidence.size())
                .bind("sha256", evidence.sha256()).bind("content", ByteBuffer.wrap(content))
                .bind("at", evidence.uploadedAt())
                .bind("by", evidence.uploadedBy())
                .then();
    }

    Flux<Evidence> evidence(UUID taskId) {
        return db.sql("SELECT " + EVIDENCE + " FROM inspection_evidence WHERE task_id = :task"
                        + " ORDER BY uploaded_at, id")
                .bind("task", taskId).map(InspectionRepository::readEvidence).all();
    }

    /** An evidence file's bytes, as stored. */
    Mono<byte[]> content(UUID taskId, UUID evidenceId) {
        return db.sql("SELECT content FROM inspection_evidence WHERE task_id = :task AND id = :id")
                .bind("task", taskId).bind("id", evidenceId)
                .map(row -> {
                    ByteBuffer buffer = row.get("content", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                }).one();
    }

    Mono<Evidence> findEvidence(UUID taskId, UUID evidenceId) {
        return db.sql("SELECT " + EVIDENCE + " FROM inspection_evidence WHERE task_id = :task AND id = :id")
                .bind("task", taskId).bind("id", evidenceId).map(InspectionRepository::readEvidence).one();
    }

    /** Every column's value by its parameter name, without those a statement does not use. */
    private Map<String, Object> values(Inspection inspection, String... unused) {
        Map<String, Object> values = new HashMap<>();
        values.put("task", inspection.taskId());
        values.put("draw", inspection.drawId());
        values.put("code", inspection.enterpriseCode());
        values.put("inspectors", inspection.inspectors().toArray(UUID[]::new));
        values.put("mode", inspection.mode().name());
        values.put("reason", Parameter.fromOrEmpty(inspection.onSiteReason(), String.class));
        values.put("status", inspection.status().name());
        values.put("checklist", Json.of(json.writeValueAsString(inspection.checklist())));
        values.put("startedAt", inspection.startedAt());
        values.put("startedBy", inspection.startedBy());
        values.put("completedOn", Parameter.fromOrEmpty(inspection.completedOn(), LocalDate.class));
        values.put("result", Parameter.fromOrEmpty(inspection.result() == null ? null : inspection.result().name(),
                String.class));
        values.put("resultsDue", Parameter.fromOrEmpty(inspection.resultsDue(), LocalDate.class));
        values.put("publishedOn", Parameter.fromOrEmpty(inspection.publishedOn(), LocalDate.class));
        values.put("version", inspection.version());
        for (String name : unused) {
            values.remove(name);
        }
        return values;
    }

    private Inspection read(Readable row) {
        String result = row.get("result", String.class);
        return new Inspection(row.get("task_id", UUID.class), row.get("draw_id", UUID.class),
                row.get("enterprise_code", String.class), Arrays.asList(row.get("inspectors", UUID[].class)),
                InspectionMode.valueOf(row.get("mode", String.class)), row.get("on_site_reason", String.class),
                InspectionStatus.valueOf(row.get("status", String.class)),
                json.readValue(row.get("checklist", Json.class).asString(), CHECKLIST),
                row.get("started_at", Instant.class), row.get("started_by", String.class),
                row.get("completed_on", LocalDate.class), result == null ? null : InspectionResult.valueOf(result),
                row.get("results_due", LocalDate.class), row.get("published_on", LocalDate.class),
                row.get("version", Long.class));
    }

    private static Evidence readEvidence(Readable row) {
        return new Evidence(row.get("id", UUID.class), row.get("task_id", UUID.class),
                row.get("item_id", String.class), row.get("file_name", String.class),
                row.get("content_type", String.class), row.get("size_bytes", Long.class),
                row.get("sha256", String.class), row.get("uploaded_at", Instant.class),
                row.get("uploaded_by", String.class));
    }
}
