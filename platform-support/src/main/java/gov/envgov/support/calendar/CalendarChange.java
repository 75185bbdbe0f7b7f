package gov.envgov.support.calendar;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A year's holiday schedule differs from the one a consumer last computed its stored due dates with: corrected,
 * added late, or withdrawn. Every day from {@code from} to {@code to} may have changed its working status (the
 * year and any days of the neighbouring years either version names), so a stored date counted across that span is
 * to be computed again.
 *
 * @param year     the schedule's year
 * @param previous the fingerprint the consumer applied last, null when it never applied this year
 * @param current  the fingerprint of the schedule loaded now, null when the year's file is gone
 * @param from     the first day that may have changed
 * @param to       the last day that may have changed
 */
public record CalendarChange(int year, @Nullable String previous, @Nullable String current, LocalDate from,
                             LocalDate to) {

    /** Whether a span of days counted from {@code start} up to {@code end} crosses a day that may have changed. */
    public boolean touches(LocalDate start, LocalDate end) {
        return !end.isBefore(from) && !start.isAfter(to);
    }
}
