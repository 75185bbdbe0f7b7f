package gov.envgov.credit.repair;

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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RepairRepository {

    private static final String COLUMNS = "id, subject_code, period, records, list_entry_id, statement, evidence,"
            + " status, filed_at, filed_by, conditions, decision, decided_by, decided_on, new_version";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    RepairRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> insert(RepairApplication application) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", application.id());
        values.put("subject", application.subjectCode());
        values.put("period", Parameter.fromOrEmpty(application.period(), Integer.class));
        values.put("records", application.records().toArray(UUID[]::new));
        values.put("entry", Parameter.fromOrEmpty(application.listEntryId(), UUID.class));
        values.put("statement", application.statement());
        values.put("evidence", Json.of(json.writeValueAsString(application.evidence())));
        values.put("status", application.status().name());
        values.put("filedAt", application.filedAt());
        values.put("filedBy", application.filedBy());
        return db.sql("INSERT INTO credit_repair (id, subject_code, period, records, list_entry_id, statement,"
                        + " evidence, status, filed_at, filed_by) VALUES (:id, :subject, :period, :records, :entry,"
                        + " :statement, :evidence, :status, :filedAt, :filedBy)")
                .bindValues(values).then();
    }

    /** Records the decision; false when the application was decided meanwhile. */
    Mono<Boolean> decide(RepairApplication decided) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", decided.id());
        values.put("status", decided.status().name());
        values.put("conditions", Json.of(json.writeValueAsString(decided.conditions())));
        values.put("decision", decided.decision());
        values.put("decidedBy", decided.decidedBy());
        values.put("decidedOn", decided.decidedOn());
        values.put("newVersion", Parameter.fromOrEmpty(decided.newVersion(), Integer.class));
        values.put("submitted", RepairStatus.SUBMITTED.name());
        return db.sql("""
                        UPDATE credit_repair SET status = :status, conditions = :conditions, decision = :decision,
                            decided_by = :decidedBy, decided_on = :decidedOn, new_version = :newVersion
                        WHERE id = :id AND status = :submitted""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<RepairApplication> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_repair WHERE id = :id").bind("id", id).map(this::read)
                .one();
    }

    Flux<RepairApplication> ofSubject(String subjectCode) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_repair WHERE subject_code = :subject"
                        + " ORDER BY filed_at DESC, id").bind("subject", subjectCode).map(this::read).all();
    }

    /** The day of the subject's last repair in these states (approved ones), if any. */
    Mono<LocalDate> lastDecided(String subjectCode, Set<RepairStatus> statuses) {
        return db.sql("SELECT max(decided_on) AS last FROM credit_repair WHERE subject_code = :subject"
                        + " AND status = ANY(:statuses)")
                .bind("subject", subjectCode).bind("statuses", SqlValues.names(statuses))
                .map(row -> java.util.Optional.ofNullable(row.get("last", LocalDate.class))).one()
                .flatMap(Mono::justOrEmpty);
    }

    Flux<RepairApplication> queue(Set<RepairStatus> statuses, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_repair WHERE status = ANY(:statuses)"
                        + " ORDER BY filed_at, id LIMIT :limit OFFSET :offset")
                .bind("statuses", SqlValues.names(statuses)).bind("limit", limit).bind("offset", offset)
                .map(this::read).all();
    }

    Mono<Long> count(Set<RepairStatus> statuses) {
        return db.sql("SELECT count(*) AS n FROM credit_repair WHERE status = ANY(:statuses)")
                .bind("statuses", SqlValues.names(statuses)).map(row -> row.get("n", Long.class)).one();
    }

    private RepairApplication read(Readable row) {
        UUID[] records = row.get("records", UUID[].class);
        Json conditions = row.get("conditions", Json.class);
        return new RepairApplication(row.get("id", UUID.class), row.get("subject_code", String.class),
                row.get("period", Integer.class), records == null ? List.of() : List.of(records),
                row.get("list_entry_id", UUID.class), row.get("statement", String.class),
                json.readValue(row.get("evidence", Json.class).asString(), STRINGS),
                RepairStatus.valueOf(row.get("status", String.class)), row.get("filed_at", Instant.class),
                row.get("filed_by", String.class),
                conditions == null ? null : json.readValue(conditions.asString(), RepairConditions.class),
                row.get("decision", String.class), row.get("decided_by", String.class),
                row.get("decided_on", LocalDate.class), row.get("new_version", Integer.class));
    }
}
