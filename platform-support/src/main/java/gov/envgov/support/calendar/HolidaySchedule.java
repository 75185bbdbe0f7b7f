package gov.envgov.support.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's statutory holidays and make-up working days as published by the State Council General Office.
 *
 * @param year              the calendar year
 * @param source            the notice the data comes from (title and document number)
 * @param periods           the named holiday periods, first and last day inclusive
 * @param makeUpWorkingDays weekend days that are working days (调休)
 */
public record HolidaySchedule(int year, String source, List<Period> periods, Set<LocalDate> makeUpWorkingDays) {

    public HolidaySchedule {
        periods = List.copyOf(periods);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        for (Period period : periods) {
            if (period.last().isBefore(period.first())) {
                throw new IllegalArgumentException(period.name() + " ends before it starts");
            }
        }
        for (LocalDate day : makeUpWorkingDays) {
            if (day.getYear() != year) {
                throw new IllegalArgumentException("make-up day " + day + " is not in " + year);
            }
        }
    }

    public Set<LocalDate> holidays() {
        Set<LocalDate> days = new TreeSet<>();
        for (Period period : periods) {
            for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    public record Period(String name, LocalDate first, LocalDate last) {
    }
}
