package gov.envgov.support.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's statutory holidays and make-up working days as published by the State Council General Office. A notice
 * may name days outside its nominal year: the one for 2019 gave 30 and 31 December 2018 as New Year holidays and
 * Saturday 29 December 2018 as a working day. Such days belong to the notice that names them, within a year either
 * side of its own.
 *
 * @param year              the calendar year the notice is for
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
            requireNear(year, period.first(), period.name());
            requireNear(year, period.last(), period.name());
        }
        for (LocalDate day : makeUpWorkingDays) {
            requireNear(year, day, "make-up day " + day);
        }
    }

    private static void requireNear(int year, LocalDate day, String what) {
        if (Math.abs(day.getYear() - year) > 1) {
            throw new IllegalArgumentException(what + " (" + day + ") is not in or next to " + year);
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

    /** The first day whose working status this schedule can decide: 1 January, or an earlier day it names. */
    public LocalDate firstDay() {
        LocalDate first = LocalDate.of(year, 1, 1);
        for (LocalDate day : named()) {
            first = day.isBefore(first) ? day : first;
        }
        return first;
    }

    /** The last day whose working status this schedule can decide: 31 December, or a later day it names. */
    public LocalDate lastDay() {
        LocalDate last = LocalDate.of(year, 12, 31);
        for (LocalDate day : named()) {
            last = day.isAfter(last) ? day : last;
        }
        return last;
    }

    /**
     * SHA-256 of what the schedule decides (its year, holidays and make-up days, not the wording of its source): two
     * files with the same fingerprint give every due date alike, a corrected file a different one.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder("year=").append(year);
        canonical.append(";holidays=");
        holidays().forEach(day -> canonical.append(day).append(','));
        canonical.append(";makeUp=");
        new TreeSet<>(makeUpWorkingDays).forEach(day -> canonical.append(day).append(','));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Set<LocalDate> named() {
        Set<LocalDate> days = holidays();
        days.addAll(makeUpWorkingDays);
        return days;
    }

    public record Period(String name, LocalDate first, LocalDate last) {
    }
}
