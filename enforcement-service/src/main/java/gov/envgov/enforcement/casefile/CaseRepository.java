package gov.envgov.enforcement.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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
public class CaseRepository {

    private static final String COLUMNS = "id, status, facts, procedure, version";

    private final DatabaseClient db;
    private final JsonMapper json;

    CaseRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when the clue has its case already. */
    Mono<Boolean> insert(EnforcementCase enforcementCase, Instant now) {
        Map<String, Object> values = values(enforcementCase, now);
        values.put("clue", Parameter.fromOrEmpty(enforcementCase.facts().clueId(), UUID.class));
        values.put("enterprise", enforcementCase.facts().enterpriseCode());
        return db.sql("""
                        INSERT INTO enforcement_case (id, clue_id, enterprise_code, status, facts, procedure,
                                                      next_due, created_at, updated_at, version)
                        VALUES (:id, :clue, :enterprise, :status, :facts, :procedure, :nextDue, :now, :now, 0)
                        ON CONFLICT (clue_id) DO NOTHING""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Writes a transition, conditional on the version it came from. */
    Mono<Boolean> update(EnforcementCase next, Instant now) {
        Map<String, Object> values = values(next, now);
        values.remove("facts");
        values.put("version", next.version());
        return db.sql("""
                        UPDATE enforcement_case SET status = :status, procedure = :procedure, next_due = :nextDue,
                                                    updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The year's next decision number, counted in the caller's transaction (rolled back with it). */
    Mono<Integer> nextDecisionNumber(int year) {
        return db.sql("""
                        INSERT INTO decision_number (year, last) VALUES (:year, 1)
                        ON CONFLICT (year) DO UPDATE SET last = decision_number.last + 1
                        RETURNING last""")
                .bind("year", year).map(row -> row.get("last", Integer.class)).one();
    }

    Mono<EnforcementCase> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM enforcement_case WHERE id = :id").bind("id", id)
                .map(this::read).one();
    }

    /** Cases with a deadline ahead, the nearest first (overdue ones lead); an enterprise's own only, if named. */
    Flux<EnforcementCase> queue(String enterpriseCode, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM enforcement_case WHERE next_due IS NOT NULL"
                        + " AND (CAST(:enterprise AS text) IS NULL OR enterprise_code = :enterprise)"
                        + " ORDER BY next_due, created_at, id LIMIT :limit OFFSET :offset")
                .bind("enterprise", Parameter.fromOrEmpty(enterpriseCode, String.class))
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> countQueue(String enterpriseCode) {
        return db.sql("SELECT count(*) AS n FROM enforcement_case WHERE next_due IS NOT NULL"
                        + " AND (CAST(:enterprise AS text) IS NULL OR enterprise_code = :enterprise)")
                .bind("enterprise", Parameter.fromOrEmpty(enterpriseCode, String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    private Map<String, Object> values(EnforcementCase enforcementCase, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", enforcementCase.id());
        values.put("status", enforcementCase.status().name());
        values.put("facts", Json.of(json.writeValueAsString(enforcementCase.facts())));
        values.put("procedure", Json.of(json.writeValueAsString(enforcementCase.procedure())));
        values.put("nextDue", Parameter.fromOrEmpty(enforcementCase.nextDue(), LocalDate.class));
        values.put("now", now);
        return values;
    }

    private EnforcementCase read(Readable row) {
        return new EnforcementCase(row.get("id", UUID.class),
                json.readValue(row.get("facts", Json.class).asString(), CaseFacts.class),
                CaseStatus.valueOf(row.get("status", String.class)),
                json.readValue(row.get("procedure", Json.class).asString(), CaseProcedure.class),
                row.get("version", Long.class));
    }
}
