package gov.envgov.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.envgov.support.testing.ReactiveDatabase;

/** CAL-RECOMPUTE-ON-CHANGE: which years a consumer must compute again, against a real database. */
class CalendarRevisionsIT {

    private static final List<HolidaySchedule> SHIPPED = HolidayScheduleLoader.load(
            List.of("classpath*:calendar/holidays-*.yaml"));

    private ReactiveDatabase database;

    @BeforeEach
    void setUp() {
        database = ReactiveDatabase.create("calendar", 4);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private CalendarRevisions revisions(List<HolidaySchedule> schedules) {
        return new CalendarRevisions(database.client(), new WorkingDayCalendar(schedules), Clock.systemUTC());
    }

    private List<CalendarChange> pending(CalendarRevisions revisions, String consumer) {
        return revisions.pending(consumer).collectList().block();
    }

    private void applyAll(CalendarRevisions revisions, String consumer) {
        database.transactions().transactional(revisions.pending(consumer)
                .concatMap(change -> revisions.applied(consumer, change))).blockLast();
    }

    @Test
    void calRecomputeOnChangeReportsEachCorrectedAddedOrWithdrawnYearOncePerConsumer() {
        CalendarRevisions shipped = revisions(SHIPPED);
        assertThat(pending(shipped, "complaint")).extracting(CalendarChange::year).contains(2025, 2026);
        applyAll(shipped, "complaint");
        assertThat(pending(shipped, "complaint")).isEmpty();
        assertThat(pending(shipped, "permit")).isNotEmpty();

        HolidaySchedule old2026 = SHIPPED.stream().filter(s -> s.year() == 2026).findFirst().orElseThrow();
        HolidaySchedule corrected = new HolidaySchedule(2026, "corrected", List.of(new HolidaySchedule.Period(
                "元旦", LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 3))), old2026.makeUpWorkingDays());
        HolidaySchedule late2027 = new HolidaySchedule(2027, "late", List.of(), java.util.Set.of());
        List<HolidaySchedule> updated = new java.util.ArrayList<>(SHIPPED.stream()
                .filter(s -> s.year() != 2026 && s.year() != 2025).toList());
        updated.add(corrected);
        updated.add(late2027);
        CalendarRevisions next = revisions(updated);
        List<CalendarChange> changes = pending(next, "complaint");
        assertThat(changes).extracting(CalendarChange::year).containsExactly(2025, 2026, 2027);
        CalendarChange withdrawn = changes.get(0);
        assertThat(withdrawn.current()).isNull();
        CalendarChange fix = changes.get(1);
        assertThat(fix.previous()).isEqualTo(old2026.fingerprint());
        assertThat(fix.current()).isEqualTo(corrected.fingerprint());
        assertThat(fix.from()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(fix.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(fix.touches(LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(fix.touches(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 30))).isFalse();
        assertThat(changes.get(2).previous()).isNull();

        applyAll(next, "complaint");
        assertThat(pending(next, "complaint")).isEmpty();
    }
}
