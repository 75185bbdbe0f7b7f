package gov.envgov.complaint.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

import gov.envgov.support.calendar.BureauTime;
import io.swagger.v3.oas.annotations.media.Schema;
import reactor.core.publisher.Mono;

/** Aggregates over the complaints registered in a period. */
@Service
public class ComplaintStatistics {

    private final DatabaseClient db;
    private final BureauTime time;
    private final int minimumCell;

    ComplaintStatistics(DatabaseClient db, BureauTime time,
                        @Value("${envgov.complaint.statistics.minimum-public-cell:5}") int minimumCell) {
        this.db = db;
        this.time = time;
        this.minimumCell = minimumCell;
    }

    /**
     * Every count is null where the public report suppressed it (see {@code note}); a null is never a zero. Nulls
     * are written out, in maps too, so that a suppressed cell is seen as suppressed rather than missing.
     *
     * @param total           complaints registered in the period
     * @param byCategory      count per category
     * @param byDistrict      count per district
     * @param byMonth         count per month (yyyy-MM, bureau time)
     * @param answered        complaints answered so far
     * @param onTime          of those, answered on or before their due date
     * @param onTimeRate      onTime / answered, or null before any answer or when either is suppressed
     * @param satisfaction    follow-up answers per satisfaction level
     * @param solved          follow-ups where the complainant said the problem was solved
     * @param followedUp      follow-ups made
     * @param suppressed      how many cells were suppressed
     * @param suppressedCells which ones, such as {@code byDistrict.大洼区} or {@code solved}
     * @param note            what a null means, when any cell was suppressed
     */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    @Schema(name = StatisticsApiDescription.REPORT)
    public record Report(LocalDate from, LocalDate to, @Nullable Long total, Map<String, Long> byCategory,
                         Map<String, Long> byDistrict, Map<String, Long> byMonth, @Nullable Long answered,
                         @Nullable Long onTime, @Nullable Double onTimeRate, Map<String, Long> satisfaction,
                         @Nullable Long solved, @Nullable Long followedUp, int suppressed,
                         List<String> suppressedCells, @Nullable String note) {
    }

    public Mono<Report> staff(LocalDate from, LocalDate to) {
        return report(from, to, 0);
    }

    /** The same figures with every cell small enough to point at a person suppressed, the same way in every field. */
    public Mono<Report> anonymised(LocalDate from, LocalDate to) {
        return report(from, to, minimumCell);
    }

    private Mono<Report> report(LocalDate from, LocalDate to, int threshold) {
        var start = from.atStartOfDay(time.zone()).toInstant();
        var end = to.plusDays(1).atStartOfDay(time.zone()).toInstant();
        Mono<Map<String, Long>> byCategory = grouped("category", start, end);
        Mono<Map<String, Long>> byDistrict = grouped("district", start, end);
        Mono<Map<String, Long>> byMonth = grouped("to_char(registered_at AT TIME ZONE :zone, 'YYYY-MM')", start, end);
        Mono<Map<String, Long>> satisfaction = grouped("satisfaction", start, end);
        Mono<long[]> totals = db.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE answered_on IS NOT NULL) AS answered,
                               count(*) FILTER (WHERE answered_on <= due_date) AS on_time,
                               count(*) FILTER (WHERE solved) AS solved,
                               count(*) FILTER (WHERE satisfaction IS NOT NULL) AS followed_up
                        FROM complaint WHERE registered_at >= :start AND registered_at < :end""")
                .bind("start", start).bind("end", end)
                .map(row -> new long[] {row.get("total", Long.class), row.get("answered", Long.class),
                        row.get("on_time", Long.class), row.get("solved", Long.class),
                        row.get("followed_up", Long.class)})
                .one();
        return Mono.zip(byCategory, byDistrict, byMonth, satisfaction, totals).map(parts -> {
            long[] t = parts.getT5();
            CellSuppression cells = new CellSuppression(threshold);
            Long total = cells.count("total", t[0]);
            Long answered = cells.part("answered", t[1], total);
            Long onTime = cells.part("onTime", t[2], answered);
            Long followedUp = cells.part("followedUp", t[4], answered);
            Long solved = cells.part("solved", t[3], followedUp);
            Map<String, Long> category = cells.group("byCategory", parts.getT1());
            Map<String, Long> district = cells.group("byDistrict", parts.getT2());
            Map<String, Long> month = cells.group("byMonth", parts.getT3());
            Map<String, Long> satisfied = cells.group("satisfaction", parts.getT4());
            Double rate = answered == null || onTime == null || answered == 0 ? null
                    : Math.round(1000.0 * onTime / answered) / 1000.0;
            List<String> suppressed = cells.suppressed();
            return new Report(from, to, total, category, district, month, answered, onTime, rate, satisfied,
                    solved, followedUp, suppressed.size(), suppressed, suppressed.isEmpty() ? null
                    : "null is a suppressed cell, not zero: fewer than " + threshold + " complaints (or a cell that "
                    + "would let one be worked out from a total), left out so that no figure points at a person");
        });
    }

    private Mono<Map<String, Long>> grouped(String expression, Instant start, Instant end) {
        var spec = db.sql("SELECT " + expression + " AS k, count(*) AS n FROM complaint"
                        + " WHERE registered_at >= :start AND registered_at < :end AND " + expression + " IS NOT NULL"
                        + " GROUP BY 1 ORDER BY 1")
                .bind("start", start).bind("end", end);
        return (expression.contains(":zone") ? spec.bind("zone", time.zone().getId()) : spec)
                .map(row -> Map.entry(row.get("k", String.class), row.get("n", Long.class)))
                .all()
                .collectList()
                .map(entries -> {
                    Map<String, Long> cells = new LinkedHashMap<>();
                    entries.forEach(entry -> cells.put(entry.getKey(), entry.getValue()));
                    return cells;
                });
    }
}
