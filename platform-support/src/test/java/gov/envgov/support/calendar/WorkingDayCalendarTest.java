package gov.envgov.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;

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
}
