package gov.envgov.complaint.statistics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import gov.envgov.support.calendar.BureauTime;
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
     * @param total        complaints registered in the period
     * @param byCategory   count per category
     * @param byDistrict   count per district
     * @param byMonth      count per month (yyyy-MM, bureau time)
     * @param answered     complaints answered so far
     * @param onTime       of those, answered on or before their due date
     * @param onTimeRate   onTime / answered, or null before any answer
     * @param satisfaction follow-up answers per satisfaction level
     * @param solved       follow-ups where the complainant said the problem was solved
     * @param followedUp   follow-ups made
     * @param suppressed   cells left out of a public report because they were smaller than the threshold
     */
    public record Report(LocalDate from, LocalDate to, long total, Map<String, Long> byCategory,
                         Map<String, Long> byDistrict, Map<String, Long> byMonth, long answered, long onTime,
                         Double onTimeRate, Map<String, Long> satisfaction, long solved, long followedUp,
                         int suppressed) {
    }

    public Mono<Report> staff(LocalDate from, LocalDate to) {
        return report(from, to, 0);
    }

    /** The same figures with every cell below the threshold left out (and counted), so none identifies a person. */
    public Mono<Report> anonymised(LocalDate from, LocalDate to) {
        return report(from, to, minimumCell);
    }

    private Mono<Report> report(LocalDate from, LocalDate to, int threshold) {
        var start = from.atStartOfDay(time.zone()).toInstant();
        var end = to.plusDays(1).atStartOfDay(time.zone()).toInstant();
        int[] suppressed = {0};
        Mono<Map<String, Long>> byCategory = grouped("category", start, end, threshold, suppressed);
        Mono<Map<String, Long>> byDistrict = grouped("district", start, end, threshold, suppressed);
        Mono<Map<String, Long>> byMonth = grouped("to_char(registered_at AT TIME ZONE :zone, 'YYYY-MM')",
                start, end, threshold, suppressed);
        Mono<Map<String, Long>> satisfaction = grouped("satisfaction", start, end, threshold, suppressed);
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
            long solved = suppress(t[3], threshold, suppressed);
            return new Report(from, to, t[0], parts.getT1(), parts.getT2(), parts.getT3(), t[1], t[2],
                    t[1] == 0 ? null : Math.round(1000.0 * t[2] / t[1]) / 1000.0, parts.getT4(), solved, t[4],
                    suppressed[0]);
        });
    }

    private Mono<Map<String, Long>> grouped(String expression, java.time.Instant start, java.time.Instant end,
                                            int threshold, int[] suppressed) {
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
                    for (var entry : entries) {
                        if (entry.getValue() >= threshold) {
                            cells.put(entry.getKey(), entry.getValue());
                        } else {
                            synchronized (suppressed) {
                                suppressed[0]++;
                            }
                        }
                    }
                    return cells;
                });
    }

    private static long suppress(long value, int threshold, int[] suppressed) {
        if (value > 0 && value < threshold) {
            synchronized (suppressed) {
                suppressed[0]++;
            }
            return 0;
        }
        return value;
    }
}
