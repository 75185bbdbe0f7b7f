package gov.envgov.enforcement.positivelist;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The positive list's table, and the one read of what the rules need across the service's own tables: cases
 * (penalties decided and not withdrawn), clues (incidents, missing reports) and completed inspections (the
 * monitoring items). Read-only on those; they belong to their features.
 */
@Repository
public class PositiveListRepository {

    private static final String FACTS = """
            SELECT p.code, p.management_class, pen.last_penalty, cl.last_incident, cl.last_report,
                   mon.passed_on, mon.failed_on,
                   e.listed_on, e.listed_until, e.removed_on, e.removal_reason
            FROM pool_entity p
            LEFT JOIN LATERAL (
                SELECT max(CAST(c.procedure ->> 'decidedOn' AS date)) AS last_penalty FROM enforcement_case c
                WHERE c.enterprise_code = p.code AND c.procedure ->> 'outcome' = 'PENALTY'
                  AND c.procedure ->> 'withdrawnOn' IS NULL) pen ON true
            LEFT JOIN LATERAL (
                SELECT max(received_on) FILTER (WHERE source = ANY(:incident)) AS last_incident,
                       max(received_on) FILTER (WHERE source = ANY(:report)) AS last_report
                FROM clue WHERE enterprise_code = p.code) cl ON true
            LEFT JOIN LATERAL (
                SELECT max(i.completed_on) FILTER (WHERE item ->> 'outcome' = 'PASSED') AS passed_on,
                       max(i.completed_on) FILTER (WHERE item ->> 'outcome' = 'FAILED') AS failed_on
                FROM inspection i CROSS JOIN LATERAL jsonb_array_elements(i.checklist) AS item
                WHERE i.enterprise_code = p.code AND i.status = 'COMPLETED'
                  AND item ->> 'itemId' = ANY(:items)) mon ON true
            LEFT JOIN positive_list_entry e ON e.enterprise_code = p.code
            """;

    private final DatabaseClient db;

    PositiveListRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A unit's record and its entry, read together. */
    record Facts(UnitRecord unit, PositiveListEntry entry) {
    }

    /** The next batch of units after {@code after} in code order; only those listed now when {@code listedOnly}. */
    Flux<Facts> facts(String after, boolean listedOnly, int limit, PositiveListProperties properties) {
        return db.sql(FACTS + """
                        WHERE p.code > :after
                          AND (NOT :listedOnly OR (e.enterprise_code IS NOT NULL AND e.removed_on IS NULL))
                        ORDER BY p.code LIMIT :limit""")
                .bind("incident", SqlValues.names(properties.incidentSources()))
                .bind("report", SqlValues.names(properties.reportSources()))
                .bind("items", properties.monitoringItems().toArray(String[]::new))
                .bind("after", after).bind("listedOnly", listedOnly).bind("limit", limit)
                .map(PositiveListRepository::read).all();
    }

    /** One unit's record, for an explanation. */
    Mono<Facts> facts(String code, PositiveListProperties properties) {
        return db.sql(FACTS + " WHERE p.code = :code")
                .bind("incident", SqlValues.names(properties.incidentSources()))
                .bind("report", SqlValues.names(properties.reportSources()))
                .bind("items", properties.monitoringItems().toArray(String[]::new))
                .bind("code", code)
                .map(PositiveListRepository::read).one();
    }

    /**
     * Lists a unit for a term; false when it is on the list already with a term that has not ended (another replica
     * came first, or nothing changed).
     */
    Mono<Boolean> list(String code, LocalDate listedOn, LocalDate listedUntil, Instant now) {
        return db.sql("""
                        INSERT INTO positive_list_entry (enterprise_code, listed_on, listed_until, updated_at)
                        VALUES (:code, :on, :until, :now)
                        ON CONFLICT (enterprise_code) DO UPDATE
                            SET listed_on = excluded.listed_on, listed_until = excluded.listed_until,
                                removed_on = NULL, removal_reason = NULL, updated_at = excluded.updated_at
                            WHERE positive_list_entry.removed_on IS NOT NULL
                               OR positive_list_entry.listed_until < excluded.listed_on""")
                .bind("code", code).bind("on", listedOn).bind("until", listedUntil).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Removes a listed unit; false when it was not on the list (any more). */
    Mono<Boolean> remove(String code, LocalDate on, String reason, Instant now) {
        return db.sql("""
                        UPDATE positive_list_entry SET removed_on = :on, removal_reason = :reason, updated_at = :now
                        WHERE enterprise_code = :code AND removed_on IS NULL""")
                .bind("code", code).bind("on", on).bind("reason", reason).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Claims the day's listing pass; false when a replica claimed it already. */
    Mono<Boolean> claimDay(LocalDate day, Instant now) {
        return db.sql("INSERT INTO positive_list_run (day, started_at) VALUES (:day, :now) ON CONFLICT DO NOTHING")
                .bind("day", day).bind("now", now).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The units listed now, the most recently listed first, with their names for the public. */
    Flux<ListedUnit> listed(long offset, int limit) {
        return db.sql("""
                        SELECT e.enterprise_code, p.name, p.district, e.listed_on, e.listed_until
                        FROM positive_list_entry e LEFT JOIN pool_entity p ON p.code = e.enterprise_code
                        WHERE e.removed_on IS NULL
                        ORDER BY e.listed_on DESC, e.enterprise_code LIMIT :limit OFFSET :offset""")
                .bind("limit", limit).bind("offset", offset)
                .map(row -> new ListedUnit(row.get("enterprise_code", String.class), row.get("name", String.class),
                        row.get("district", String.class), row.get("listed_on", LocalDate.class),
                        row.get("listed_until", LocalDate.class)))
                .all();
    }

    Mono<Long> countListed() {
        return db.sql("SELECT count(*) AS n FROM positive_list_entry WHERE removed_on IS NULL")
                .map(row -> row.get("n", Long.class)).one();
    }

    private static Facts read(Readable row) {
        UnitRecord unit = new UnitRecord(row.get("code", String.class), row.get("management_class", String.class),
                row.get("last_penalty", LocalDate.class), row.get("last_incident", LocalDate.class),
                row.get("last_report", LocalDate.class), row.get("passed_on", LocalDate.class),
                row.get("failed_on", LocalDate.class));
        LocalDate listedOn = row.get("listed_on", LocalDate.class);
        PositiveListEntry entry = listedOn == null ? null : new PositiveListEntry(unit.code(), listedOn,
                row.get("listed_until", LocalDate.class), row.get("removed_on", LocalDate.class),
                row.get("removal_reason", String.class));
        return new Facts(unit, entry);
    }
}
