package gov.envgov.credit.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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
public class RecordRepository {

    private static final String COLUMNS = "id, subject_code, period, origin, producer, feed, source_position,"
            + " source_event_id, event_type, case_id, occurred_on, known_on, measure, flagged, scheme_version, rule,"
            + " indicator, severity, points, veto_code, summary, details, evidence, enter_by, entered_on,"
            + " entered_at, entered_by, status, status_reason";
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };
    private static final TypeReference<List<CreditRecord.Evidence>> EVIDENCE = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    RecordRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when a record of the same source event exists: a redelivered event makes no second record. */
    Mono<Boolean> insert(CreditRecord record) {
        CreditRecord.Source source = record.source();
        Map<String, Object> values = new HashMap<>();
        values.put("id", record.id());
        values.put("subject", record.subjectCode());
        values.put("period", record.period());
        values.put("origin", record.origin().name());
        values.put("producer", Parameter.fromOrEmpty(source == null ? null : source.producer(), String.class));
        values.put("feed", Parameter.fromOrEmpty(source == null ? null : source.feed(), String.class));
        values.put("position", Parameter.fromOrEmpty(source == null ? null : source.position(), Long.class));
        values.put("eventId", Parameter.fromOrEmpty(source == null ? null : source.eventId(), UUID.class));
        values.put("eventType", record.eventType());
        values.put("caseId", Parameter.fromOrEmpty(record.caseId(), UUID.class));
        values.put("occurredOn", record.occurredOn());
        values.put("knownOn", record.knownOn());
        values.put("measure", Parameter.fromOrEmpty(record.measure(), Double.class));
        values.put("flagged", record.flagged());
        values.put("schemeVersion", record.schemeVersion());
        values.put("rule", Parameter.fromOrEmpty(record.rule(), String.class));
        values.put("indicator", Parameter.fromOrEmpty(record.indicator(), String.class));
        values.put("severity", Parameter.fromOrEmpty(record.severity(), String.class));
        values.put("points", record.points());
        values.put("vetoCode", Parameter.fromOrEmpty(record.vetoCode(), String.class));
        values.put("summary", record.summary());
        values.put("details", Json.of(json.writeValueAsString(record.details())));
        values.put("evidence", Json.of(json.writeValueAsString(record.evidence())));
        values.put("enterBy", record.enterBy());
        values.put("enteredOn", record.enteredOn());
        values.put("enteredAt", record.enteredAt());
        values.put("enteredBy", record.enteredBy());
        values.put("status", record.status().name());
        return db.sql("""
                        INSERT INTO credit_record (id, subject_code, period, origin, producer, feed, source_position,
                            source_event_id, event_type, case_id, occurred_on, known_on, measure, flagged,
                            scheme_version, rule, indicator, severity, points, veto_code, summary, details, evidence,
                            enter_by, entered_on, entered_at, entered_by, status)
                        VALUES (:id, :subject, :period, :origin, :producer, :feed, :position, :eventId, :eventType,
                            :caseId, :occurredOn, :knownOn, :measure, :flagged, :schemeVersion, :rule, :indicator,
                            :severity, :points, :vetoCode, :summary, :details, :evidence, :enterBy, :enteredOn,
                            :enteredAt, :enteredBy, :status)
                        ON CONFLICT (source_event_id) DO NOTHING""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Takes the active records of a case's events of these types out of the count; returns how many. */
    Mono<Long> withdrawCase(UUID caseId, Collection<String> eventTypes, String reason, Instant at) {
        return db.sql("""
                        UPDATE credit_record SET status = :withdrawn, status_reason = :reason, status_changed_at = :at
                        WHERE case_id = :caseId AND event_type = ANY(:types) AND status = :active""")
                .bind("withdrawn", RecordStatus.WITHDRAWN.name()).bind("reason", reason).bind("at", at)
                .bind("caseId", caseId).bind("types", eventTypes.toArray(String[]::new))
                .bind("active", RecordStatus.ACTIVE.name())
                .fetch().rowsUpdated();
    }

    /** Takes a subject's active records of a period out of the count; records of anyone else are left alone. */
    Mono<Long> takeOut(Collection<UUID> ids, String subjectCode, int period, RecordStatus status, String reason,
                       Instant at) {
        return db.sql("""
                        UPDATE credit_record SET status = :corrected, status_reason = :reason, status_changed_at = :at
                        WHERE id = ANY(:ids) AND subject_code = :subject AND period = :period AND status = :active""")
                .bind("corrected", status.name()).bind("reason", reason).bind("at", at)
                .bind("ids", ids.toArray(UUID[]::new)).bind("subject", subjectCode).bind("period", period)
                .bind("active", RecordStatus.ACTIVE.name())
                .fetch().rowsUpdated();
    }

    /** Every record of these enforcement cases, whatever its period or state. */
    Flux<CreditRecord> ofCases(Collection<UUID> caseIds) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_record WHERE case_id = ANY(:cases) ORDER BY occurred_on, id")
                .bind("cases", caseIds.toArray(UUID[]::new)).map(this::read).all();
    }

    Mono<CreditRecord> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_record WHERE id = :id").bind("id", id).map(this::read)
                .one();
    }

    /** Records of a period in these states, by subject: what an evaluation reads. */
    Flux<CreditRecord> ofPeriod(int period, Set<RecordStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_record WHERE period = :period AND status = ANY(:statuses)"
                        + " ORDER BY subject_code, occurred_on, id")
                .bind("period", period).bind("statuses", SqlValues.names(statuses)).map(this::read).all();
    }

    Flux<CreditRecord> ofSubject(String subjectCode, int period, Set<RecordStatus> statuses) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_record WHERE subject_code = :subject AND period = :period"
                        + " AND status = ANY(:statuses) ORDER BY occurred_on, id")
                .bind("subject", subjectCode).bind("period", period).bind("statuses", SqlValues.names(statuses))
                .map(this::read).all();
    }

    /** A page of records, newest first, of one subject and/or period when named. */
    Flux<CreditRecord> search(String subjectCode, Integer period, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM credit_record WHERE " + FILTER
                        + " ORDER BY occurred_on DESC, entered_at DESC, id LIMIT :limit OFFSET :offset")
                .bind("subject", Parameter.fromOrEmpty(subjectCode, String.class))
                .bind("period", Parameter.fromOrEmpty(period, Integer.class))
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> count(String subjectCode, Integer period) {
        return db.sql("SELECT count(*) AS n FROM credit_record WHERE " + FILTER)
                .bind("subject", Parameter.fromOrEmpty(subjectCode, String.class))
                .bind("period", Parameter.fromOrEmpty(period, Integer.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    private static final String FILTER = "(CAST(:subject AS text) IS NULL OR subject_code = :subject)"
            + " AND (CAST(:period AS integer) IS NULL OR period = :period)";

    private CreditRecord read(Readable row) {
        String producer = row.get("producer", String.class);
        CreditRecord.Source source = producer == null ? null : new CreditRecord.Source(producer,
                row.get("feed", String.class), row.get("source_position", Long.class),
                row.get("source_event_id", UUID.class));
        return new CreditRecord(row.get("id", UUID.class), row.get("subject_code", String.class),
                row.get("period", Integer.class), RecordOrigin.valueOf(row.get("origin", String.class)), source,
                row.get("event_type", String.class), row.get("case_id", UUID.class),
                row.get("occurred_on", LocalDate.class), row.get("known_on", LocalDate.class),
                row.get("measure", Double.class), Boolean.TRUE.equals(row.get("flagged", Boolean.class)),
                row.get("scheme_version", String.class), row.get("rule", String.class),
                row.get("indicator", String.class), row.get("severity", String.class),
                row.get("points", Integer.class), row.get("veto_code", String.class),
                row.get("summary", String.class), json.readValue(row.get("details", Json.class).asString(), DETAILS),
                json.readValue(row.get("evidence", Json.class).asString(), EVIDENCE),
                row.get("enter_by", LocalDate.class), row.get("entered_on", LocalDate.class),
                row.get("entered_at", Instant.class), row.get("entered_by", String.class),
                RecordStatus.valueOf(row.get("status", String.class)), row.get("status_reason", String.class));
    }
}
