package gov.envgov.support.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells a consumer (a service, or a feature of one) which years of the working-day calendar changed since it last
 * computed its stored due dates: each year's {@link HolidaySchedule#fingerprint()} is compared with the one the
 * consumer recorded ({@code calendar_revision}). The consumer recomputes what a change touches and then
 * {@linkplain #applied records} the change, in one transaction, so a crash in between recomputes again and nothing
 * is left out. Compare at start-up and on the service's clock: the calendar is loaded when the service starts, so a
 * corrected file takes effect on the next start (or rollout) of each replica.
 * <p>
 * A consumer that has recorded nothing yet sees every published year as changed; recomputing a date that is
 * already right changes nothing, so the first run only costs time.
 */
public class CalendarRevisions {

    private final DatabaseClient db;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public CalendarRevisions(DatabaseClient db, WorkingDayCalendar calendar, Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.clock = clock;
    }

    private record Applied(int year, String fingerprint, LocalDate firstDay, LocalDate lastDay) {
    }

    /** The years whose schedule differs from what {@code consumer} recorded, earliest year first. */
    public Flux<CalendarChange> pending(String consumer) {
        return db.sql("SELECT year, fingerprint, first_day, last_day FROM calendar_revision WHERE consumer = :c")
                .bind("c", consumer)
                .map(row -> new Applied(row.get("year", Integer.class), row.get("fingerprint", String.class),
                        row.get("first_day", LocalDate.class), row.get("last_day", LocalDate.class)))
                .all().collectList()
                .flatMapIterable(this::changes);
    }

    private List<CalendarChange> changes(List<Applied> recorded) {
        Map<Integer, Applied> applied = new TreeMap<>();
        recorded.forEach(row -> applied.put(row.year(), row));
        TreeSet<Integer> years = new TreeSet<>(applied.keySet());
        years.addAll(calendar.publishedYears());
        List<CalendarChange> changes = new ArrayList<>();
        for (int year : years) {
            Applied before = applied.get(year);
            HolidaySchedule now = calendar.schedule(year).orElse(null);
            String current = now == null ? null : now.fingerprint();
            String previous = before == null ? null : before.fingerprint();
            if (current != null && current.equals(previous)) {
                continue;
            }
            LocalDate from = now == null ? before.firstDay() : now.firstDay();
            LocalDate to = now == null ? before.lastDay() : now.lastDay();
            if (before != null) {
                from = before.firstDay().isBefore(from) ? before.firstDay() : from;
                to = before.lastDay().isAfter(to) ? before.lastDay() : to;
            }
            changes.add(new CalendarChange(year, previous, current, from, to));
        }
        return changes;
    }

    /** Records that {@code consumer} has recomputed what {@code change} touches; run it in that transaction. */
    public Mono<Void> applied(String consumer, CalendarChange change) {
        HolidaySchedule now = calendar.schedule(change.year()).orElse(null);
        if (now == null) {
            return db.sql("DELETE FROM calendar_revision WHERE consumer = :c AND year = :y")
                    .bind("c", consumer).bind("y", change.year()).then();
        }
        return db.sql("""
                        INSERT INTO calendar_revision (consumer, year, fingerprint, first_day, last_day, applied_at)
                        VALUES (:c, :y, :f, :first, :last, :at)
                        ON CONFLICT (consumer, year) DO UPDATE SET fingerprint = :f, first_day = :first,
                            last_day = :last, applied_at = :at""")
                .bind("c", consumer).bind("y", change.year()).bind("f", now.fingerprint())
                .bind("first", now.firstDay()).bind("last", now.lastDay()).bind("at", clock.instant())
                .then();
    }
}
