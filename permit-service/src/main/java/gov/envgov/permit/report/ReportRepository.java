package gov.envgov.permit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.support.sql.SqlValues;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code execution_report} table. Statuses are bound as sets of names, never written into the SQL. */
@Repository
class ReportRepository {

    private static final String COLUMNS = """
            permit_id, enterprise_code, frequency, period_start, period_end, due_on, status, emissions, exceeded,
            filed_by, filed_at""";
    private static final TypeReference<List<ExecutionReport.Emission>> EMISSIONS = new TypeReference<>() {
    };
    /** Reports still owed: they may be filed, and are dropped when the permit stops binding before their period. */
    private static final Set<ReportStatus> OPEN = EnumSet.of(ReportStatus.DUE, ReportStatus.OVERDUE);
    private static final Set<ReportStatus> DUE = EnumSet.of(ReportStatus.DUE);

    private final DatabaseClient db;
    private final JsonMapper json;

    ReportRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Adds a report to a permit's schedule, unless the holder owes that period already under another permit (the
     * one a renewal or a new permit follows on): a period is reported once.
     */
    Mono<Void> schedule(UUID permitId, String enterpriseCode, ReportPeriod period) {
        return db.sql("""
                        INSERT INTO execution_report (permit_id, enterprise_code, frequency, period_start, period_end,
                                                      due_on, status)
                        SELECT :permit, :code, :frequency, :start, :end, :due, :status
                        WHERE NOT EXISTS (SELECT 1 FROM execution_report WHERE enterprise_code = :code
                                            AND frequency = :frequency AND period_start = :start)
                        ON CONFLICT DO NOTHING""")
                .bind("permit", permitId).bind("code", enterpriseCode).bind("frequency", period.frequency().name())
                .bind("start", period.start()).bind("end", period.end()).bind("due", period.dueOn())
                .bind("status", ReportStatus.DUE.name())
                .then();
    }

    /** Drops reports not owed any more: periods that start after the permit's last day, not filed. */
    Mono<Long> unschedule(UUID permitId, LocalDate lastDay) {
        return db.sql("""
                        DELETE FROM execution_report
                        WHERE permit_id = :permit AND period_start > :lastDay AND status = ANY(:statuses)""")
                .bind("permit", permitId).bind("lastDay", lastDay).bind("statuses", SqlValues.names(OPEN))
                .fetch().rowsUpdated();
    }

    Mono<ExecutionReport> find(UUID permitId, ReportFrequency frequency, LocalDate periodStart) {
        return db.sql("SELECT " + COLUMNS + """
                         FROM execution_report
                        WHERE permit_id = :permit AND frequency = :frequency AND period_start = :start""")
                .bind("permit", permitId).bind("frequency", frequency.name()).bind("start", periodStart)
                .map(this::read).one();
    }

    Flux<ExecutionReport> forPermit(UUID permitId) {
        return db.sql("SELECT " + COLUMNS + " FROM execution_report WHERE permit_id = :permit"
                        + " ORDER BY due_on, frequency")
                .bind("permit", permitId).map(this::read).all();
    }

    /** Reports of an enterprise due up to a day (the ones that matter for its compliance). */
    Flux<ExecutionReport> forEnterpriseDueBy(String enterpriseCode, LocalDate day) {
        return db.sql("SELECT " + COLUMNS + " FROM execution_report WHERE enterprise_code = :code"
                        + " AND due_on <= :day ORDER BY due_on")
                .bind("code", enterpriseCode).bind("day", day).map(this::read).all();
    }

    /** Stores a filing; false when someone filed meanwhile. */
    Mono<Boolean> file(ExecutionReport report) {
        return db.sql("""
                        UPDATE execution_report SET status = :status, emissions = :emissions, exceeded = :exceeded,
                            filed_by = :by, filed_at = :at
                        WHERE permit_id = :permit AND frequency = :frequency AND period_start = :start
                          AND status = ANY(:statuses)""")
                .bind("status", report.status().name()).bind("statuses", SqlValues.names(OPEN))
                .bind("emissions", Json.of(json.writeValueAsString(report.emissions())))
                .bind("exceeded", report.exceeded())
                .bind("by", report.filedBy()).bind("at", report.filedAt())
                .bind("permit", report.permitId()).bind("frequency", report.frequency().name())
                .bind("start", report.periodStart())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Marks reports whose due date has passed unfiled as overdue, at most {@code limit}, and returns them. */
    Flux<ExecutionReport> markOverdue(LocalDate today, int limit) {
        return db.sql("UPDATE execution_report SET status = :overdue WHERE (permit_id, frequency, period_start) IN ("
                        + " SELECT permit_id, frequency, period_start FROM execution_report"
                        + " WHERE status = ANY(:statuses) AND due_on < :today ORDER BY due_on LIMIT :limit)"
                        + " RETURNING " + COLUMNS)
                .bind("overdue", ReportStatus.OVERDUE.name()).bind("statuses", SqlValues.names(DUE))
                .bind("today", today).bind("limit", limit).map(this::read).all();
    }


    private ExecutionReport read(Readable row) {
        Json emissions = row.get("emissions", Json.class);
        return new ExecutionReport(
                row.get("permit_id", UUID.class),
                row.get("enterprise_code", String.class),
                ReportFrequency.valueOf(row.get("frequency", String.class)),
                row.get("period_start", LocalDate.class),
                row.get("period_end", LocalDate.class),
                row.get("due_on", LocalDate.class),
                ReportStatus.valueOf(row.get("status", String.class)),
                emissions == null ? null : json.readValue(emissions.asString(), EMISSIONS),
                row.get("exceeded", Boolean.class),
                row.get("filed_by", String.class),
                row.get("filed_at", Instant.class));
    }
}
