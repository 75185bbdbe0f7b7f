package gov.envgov.enforcement.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.enforcement.casefile.CaseFacts;
import gov.envgov.enforcement.casefile.CaseProperties;
import gov.envgov.enforcement.casefile.CaseRules;
import gov.envgov.enforcement.casefile.EnforcementCase;
import gov.envgov.enforcement.casefile.Outcome;
import gov.envgov.enforcement.casefile.PartyKind;
import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/** Side measures and their clocks with the shipped numbers. */
class SideMeasureTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml")));
    static final CaseRules CASES = new CaseRules(new CaseProperties(15, 5, 7, 7, 90, 15, new BigDecimal("3"),
            new BigDecimal("200000"), new BigDecimal("5000"), new BigDecimal("3000"), new BigDecimal("200"), 2, 5,
            List.of(), 30, 2, 60, 6, 10, 3, "盘环罚〔%d〕%d号"), CALENDAR);
    static final MeasureRules RULES = new MeasureRules(new MeasureProperties(List.of("OVER_LIMIT_DISCHARGE",
            "HIDDEN_PIPE"), 30, 30, 30, 3, 3, 200));
    static final LocalDate DECIDED = LocalDate.of(2026, 10, 9);

    static EnforcementCase decided(String violation) {
        CaseFacts facts = new CaseFacts(UUID.randomUUID(), "91211103MA0GA0001Y", PartyKind.ORGANISATION, violation,
                "大气污染防治法 第九十九条", false, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 28), false, false);
        return EnforcementCase.file(UUID.randomUUID(), facts, List.of("inspector1", "inspector2"),
                        LocalDate.of(2026, 9, 1), CASES).next()
                .startInvestigation().next().requestReview().next()
                .serveNotice("reviewer-x", new BigDecimal("100000"), LocalDate.of(2026, 9, 30), CASES).next()
                .decide(Outcome.PENALTY, new BigDecimal("100000"), "超标排放", DECIDED, CASES).next();
    }

    @Test
    void enfMeasureDailyScopeOnlyAfterAPenaltyForAListedViolation() {
        assertThatThrownBy(() -> SideMeasure.dailyPenalty(UUID.randomUUID(), decided("REPORT_NOT_FILED"), DECIDED,
                RULES)).isInstanceOfSatisfying(DomainException.RuleViolation.class,
                violation -> assertThat(violation.field()).isEqualTo("violation"));
        assertThatThrownBy(() -> SideMeasure.dailyPenalty(UUID.randomUUID(), decided("HIDDEN_PIPE"),
                DECIDED.minusDays(1), RULES)).isInstanceOf(DomainException.RuleViolation.class);
        var started = SideMeasure.dailyPenalty(UUID.randomUUID(), decided("HIDDEN_PIPE"), DECIDED, RULES);
        assertThat(started.next().reinspectionDue()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(started.next().nextDue()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(started.next().originalFine()).isEqualByComparingTo("100000");
    }

    @Test
    void enfMeasureDailyReinspectionCovertWithinThirtyDaysAccumulatingDaysTimesTheFine() {
        SideMeasure measure = SideMeasure.dailyPenalty(UUID.randomUUID(), decided("OVER_LIMIT_DISCHARGE"), DECIDED,
                RULES).next();
        assertThatThrownBy(() -> measure.reinspect(LocalDate.of(2026, 10, 20), false, true, false, RULES))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("covert"));
        assertThatThrownBy(() -> measure.reinspect(LocalDate.of(2026, 11, 9), true, true, false, RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("2026-11-08");
        // Served 9 Oct, still discharging on 21 Oct: 10–21 Oct is 12 days × 100,000.
        var first = measure.reinspect(LocalDate.of(2026, 10, 21), true, true, false, RULES);
        assertThat(first.next().total()).isEqualByComparingTo("1200000");
        assertThat(first.next().reinspectionDue()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(first.event()).isInstanceOf(MeasureEvent.DailyPenaltyAssessed.class);
        // Refused re-inspection on 31 Oct counts as going on: 10 more days, accumulating without cap.
        var second = first.next().reinspect(LocalDate.of(2026, 10, 31), true, false, true, RULES);
        assertThat(second.next().reinspections()).extracting(Reinspection::days).containsExactly(12L, 10L);
        assertThat(second.next().total()).isEqualByComparingTo("2200000");
        var corrected = second.next().reinspect(LocalDate.of(2026, 11, 10), true, false, false, RULES);
        assertThat(corrected.next().status()).isEqualTo(MeasureStatus.ENDED);
        assertThat(corrected.next().total()).isEqualByComparingTo("2200000");
        assertThat(corrected.next().nextDue()).isNull();
        assertThatThrownBy(() -> corrected.next().reinspect(LocalDate.of(2026, 11, 11), true, true, false, RULES))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void enfMeasureSealingThirtyDaysPlusThirtyOnceTestingTimeNotCounted() {
        SideMeasure sealing = SideMeasure.limited(UUID.randomUUID(), decided("HIDDEN_PIPE"), MeasureKind.SEALING,
                LocalDate.of(2026, 10, 10), RULES).next();
        assertThat(sealing.endsOn()).isEqualTo(LocalDate.of(2026, 11, 9));
        SideMeasure tested = sealing.excludeTesting(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 16)).next();
        assertThat(tested.endsOn()).isEqualTo(LocalDate.of(2026, 11, 14));
        SideMeasure extended = tested.extend("情况复杂，经负责人批准", RULES).next();
        assertThat(extended.endsOn()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThatThrownBy(() -> extended.extend("again", RULES)).isInstanceOf(DomainException.Conflict.class);
        assertThat(extended.isOverdue(LocalDate.of(2026, 12, 15))).isTrue();
        assertThat(extended.end(LocalDate.of(2026, 12, 1), "解除查封").next().nextDue()).isNull();
    }

    @Test
    void enfMeasureProductionLimitThreeMonthsPlusThreeOnce() {
        SideMeasure limit = SideMeasure.limited(UUID.randomUUID(), decided("OVER_LIMIT_DISCHARGE"),
                MeasureKind.PRODUCTION_LIMIT, LocalDate.of(2026, 10, 10), RULES).next();
        assertThat(limit.endsOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(limit.extend("整改工程未完工", RULES).next().endsOn()).isEqualTo(LocalDate.of(2027, 4, 10));
        assertThatThrownBy(() -> limit.excludeTesting(LocalDate.of(2026, 10, 11), LocalDate.of(2026, 10, 12)))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> limit.reinspect(LocalDate.of(2026, 10, 11), true, true, false, RULES))
                .isInstanceOf(DomainException.Conflict.class);
    }
}
