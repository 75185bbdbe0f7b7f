package gov.envgov.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(
            HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml")));

    @Test
    void shipsThePublishedSchedulesFor2025And2026() {
        assertThat(calendar.publishedYears()).contains(2025, 2026);
    }

    @Test
    void aStatutoryHolidayOnAWeekdayIsNoWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // Thursday, National Day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // Monday, Spring Festival
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek().getValue()).isEqualTo(6);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    }

    @Test
    void countsDeadlinesAcrossTheSpringFestivalWithItsMakeUpDays() {
        // Friday 13 Feb 2026 + 3 working days: Sat 14 (make-up) is one, 15–23 holiday, Tue 24, Wed 25.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
        // 10 working days from Thursday 12 Feb 2026.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 12), 10)).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void countsAcrossNationalDayWhereWeekendsMoved() {
        // Sept 2026: Sun 20 is a make-up day; 25–27 Mid-Autumn; Oct 1–7 National Day; Sat 10 Oct works.
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 10, 12)))
                .isEqualTo(12);
    }

    @Test
    void aYearWithoutScheduleCountsOnlyWeekendsAsDaysOff() {
        assertThat(calendar.isPublished(2031)).isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 1, 3), 1)).isEqualTo(LocalDate.of(2031, 1, 6));
    }

    @Test
    void aLaterFileReplacesTheYearItGives() {
        String corrected = """
                year: 2026
                source: corrected notice
                holidays:
                  - {name: test, from: "2026-03-02", to: "2026-03-02"}
                makeUpWorkingDays: []
                """;
        HolidaySchedule schedule = HolidayScheduleLoader.parse(
                new ByteArrayInputStream(corrected.getBytes(StandardCharsets.UTF_8)));
        WorkingDayCalendar replaced = new WorkingDayCalendar(List.of(schedule));
        assertThat(replaced.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
        assertThat(replaced.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    }

    /** CAL-NOTICE-OUTSIDE-YEAR: the 2019 notice gave 29 December 2018 as a working Saturday, 30–31 off. */
    @Test
    void calNoticeOutsideYearIsLoadedAndFoundForThePreviousDecember() {
        WorkingDayCalendar with2019 = new WorkingDayCalendar(
                HolidayScheduleLoader.load(List.of("classpath*:calendar-2019/holidays-*.yaml")));
        assertThat(with2019.isPublished(2019)).isTrue();
        assertThat(with2019.isPublished(2018)).isFalse();
        assertThat(with2019.isWorkingDay(LocalDate.of(2018, 12, 29))).isTrue(); // Saturday, make-up day
        assertThat(with2019.isWorkingDay(LocalDate.of(2018, 12, 31))).isFalse(); // Monday, New Year
        assertThat(with2019.isWorkingDay(LocalDate.of(2018, 12, 28))).isTrue();
        // Friday 28 Dec + 2 working days: Sat 29 (make-up), then 30 Dec – 1 Jan off, Wed 2 Jan.
        assertThat(with2019.plusWorkingDays(LocalDate.of(2018, 12, 28), 2)).isEqualTo(LocalDate.of(2019, 1, 2));
        HolidaySchedule schedule = with2019.schedule(2019).orElseThrow();
        assertThat(schedule.firstDay()).isEqualTo(LocalDate.of(2018, 12, 29));
        assertThat(schedule.lastDay()).isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @Test
    void calNoticeOutsideYearDecidesBesideThatYearsOwnNotice() {
        String notice2018 = """
                year: 2018
                source: 2018
                holidays:
                  - {name: 国庆节, from: "2018-10-01", to: "2018-10-07"}
                makeUpWorkingDays: []
                """;
        WorkingDayCalendar both = new WorkingDayCalendar(List.of(HolidayScheduleLoader.parse(
                        new ByteArrayInputStream(notice2018.getBytes(StandardCharsets.UTF_8))),
                HolidayScheduleLoader.load(List.of("classpath*:calendar-2019/holidays-*.yaml")).get(0)));
        assertThat(both.isWorkingDay(LocalDate.of(2018, 10, 2))).isFalse();
        assertThat(both.isWorkingDay(LocalDate.of(2018, 12, 31))).isFalse();
        assertThat(both.isWorkingDay(LocalDate.of(2018, 12, 29))).isTrue();
    }

    @Test
    void aNoticeNamesNoDayFurtherThanTheNeighbouringYears() {
        String far = """
                year: 2019
                source: wrong
                holidays: []
                makeUpWorkingDays: ["2017-12-30"]
                """;
        assertThatThrownBy(() -> HolidayScheduleLoader.parse(
                new ByteArrayInputStream(far.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** CAL-RECOMPUTE-ON-CHANGE: a correction changes the fingerprint; the wording of the source does not. */
    @Test
    void calRecomputeOnChangeFingerprintsWhatTheScheduleDecides() {
        HolidaySchedule shipped = calendar.schedule(2026).orElseThrow();
        HolidaySchedule reworded = new HolidaySchedule(2026, "another title", shipped.periods(),
                shipped.makeUpWorkingDays());
        HolidaySchedule corrected = new HolidaySchedule(2026, shipped.source(), List.of(
                new HolidaySchedule.Period("test", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))),
                shipped.makeUpWorkingDays());
        assertThat(reworded.fingerprint()).isEqualTo(shipped.fingerprint());
        assertThat(corrected.fingerprint()).isNotEqualTo(shipped.fingerprint()).hasSize(64);
        assertThat(calendar.fingerprints()).containsEntry(2026, shipped.fingerprint());
    }
}
