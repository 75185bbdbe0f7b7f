package gov.envgov.support.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRC working days: Monday to Friday, minus statutory holidays, plus the make-up working days (调休) on weekends.
 * The holidays of each year are data ({@link HolidaySchedule}), published by the State Council every autumn and
 * loaded from files the bureau maintains. For a year without a published schedule only weekends count as days off,
 * and a warning says so once: a deadline reaching into that year may move when the schedule arrives. A day is looked
 * up in every schedule that names it, so a notice that covers days of the previous December (the 2019 one did) is
 * found for those days; when two notices name the same day, the later year's notice decides.
 */
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<Integer, HolidaySchedule> schedules;
    /**
     * Every day some schedule names, whatever its year, expanded once (deadlines are computed on every
     * registration): true for a make-up working day, false for a holiday.
     */
    private final Map<LocalDate, Boolean> namedDays;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    public WorkingDayCalendar(Iterable<HolidaySchedule> schedules) {
        Map<Integer, HolidaySchedule> byYear = new TreeMap<>();
        for (HolidaySchedule schedule : schedules) {
            if (byYear.put(schedule.year(), schedule) != null) {
                throw new IllegalArgumentException("two holiday schedules for " + schedule.year());
            }
        }
        this.schedules = Map.copyOf(byYear);
        Map<LocalDate, Boolean> named = new HashMap<>();
        // In year order, so a later notice overrides what an earlier one said about the same day.
        byYear.values().forEach(schedule -> {
            schedule.holidays().forEach(day -> named.put(day, false));
            schedule.makeUpWorkingDays().forEach(day -> named.put(day, true));
        });
        this.namedDays = Map.copyOf(named);
    }

    /** The schedule published for a year, if any. */
    public Optional<HolidaySchedule> schedule(int year) {
        return Optional.ofNullable(schedules.get(year));
    }

    /** Each published year's {@link HolidaySchedule#fingerprint()}, to tell when a year's file was corrected. */
    public Map<Integer, String> fingerprints() {
        Map<Integer, String> fingerprints = new TreeMap<>();
        schedules.forEach((year, schedule) -> fingerprints.put(year, schedule.fingerprint()));
        return fingerprints;
    }

    public boolean isPublished(int year) {
        return schedules.containsKey(year);
    }

    public Set<Integer> publishedYears() {
        return schedules.keySet();
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean named = namedDays.get(date);
        if (named != null) {
            return named;
        }
        if (!schedules.containsKey(date.getYear()) && warned.add(date.getYear())) {
            log.warn("No holiday schedule for {}: counting only weekends as days off", date.getYear());
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The day a period of {@code days} working days ends when it starts the day after {@code start} (the way the
     * legal rules count: the day of the act itself does not count). Zero returns {@code start}.
     */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
