package gov.envgov.credit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/** The evaluation's procedure: the objection window, approval, final publication across a holiday. */
class EvaluationTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            HolidayScheduleLoader.load(List.of("classpath*:calendar/holidays-*.yaml")));
    static final EvaluationRules RULES = new EvaluationRules(new EvaluationProperties(15, 5, 500), CALENDAR);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 1, 28);

    private final Evaluation preliminary = Evaluation.start(UUID.randomUUID(), 2025, "LN-2022-1", 3, PUBLISHED,
            RULES, "credit1").next();

    @Test
    void crdEvalPreliminaryTheResultIsPublishedWithItsObjectionWindow() {
        var started = Evaluation.start(UUID.randomUUID(), 2025, "LN-2022-1", 3, PUBLISHED, RULES, "credit1");
        assertThat(started.next().status()).isEqualTo(EvaluationStatus.PRELIMINARY);
        assertThat(started.events()).singleElement().isInstanceOf(
                EvaluationEvent.PreliminaryResultPublished.class);
    }

    @Test
    void crdEvalObjectionWindowObjectionsAreTakenFor15DaysAndNotAfter() {
        assertThat(preliminary.objectionEnds()).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(preliminary.acceptsObjections(LocalDate.of(2026, 2, 12))).isTrue();
        assertThat(preliminary.acceptsObjections(LocalDate.of(2026, 2, 13))).isFalse();
        assertThatThrownBy(() -> preliminary.requireObjectionsTaken(LocalDate.of(2026, 2, 13)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2026-02-12");
    }

    @Test
    void crdEvalApprovalOnlyAfterTheWindowAndWithEveryObjectionAnswered() {
        assertThatThrownBy(() -> preliminary.approve(LocalDate.of(2026, 2, 12), 0, RULES, "credit1"))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("taken until");
        assertThatThrownBy(() -> preliminary.approve(LocalDate.of(2026, 2, 13), 1, RULES, "credit1"))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .containsEntry(DomainException.Conflict.BLOCKED_BY,
                                java.util.Map.of("type", "evaluation", "id", "2025", "status", "PRELIMINARY")))
                .hasMessageContaining("1 objection(s) to the 2025 result are not answered yet");
        Evaluation approved = preliminary.approve(LocalDate.of(2026, 2, 13), 0, RULES, "credit1").next();
        assertThat(approved.status()).isEqualTo(EvaluationStatus.APPROVED);
        assertThatThrownBy(() -> approved.approve(LocalDate.of(2026, 2, 14), 0, RULES, "credit1"))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void crdEvalFinalPublicationIsDueWithin5WorkingDaysOfApprovalAcrossTheSpringFestival() {
        // Approved Thursday 12 Feb 2026: Fri 13, the make-up Saturday 14, then the Spring Festival (15-23 Feb),
        // Tue 24, Wed 25, Thu 26.
        Evaluation window = Evaluation.start(UUID.randomUUID(), 2025, "LN-2022-1", 1, LocalDate.of(2026, 1, 27),
                RULES, "credit1").next();
        Evaluation approved = window.approve(LocalDate.of(2026, 2, 12), 0, RULES, "credit1").next();
        assertThat(approved.finalDue()).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(approved.isPublicationDue(LocalDate.of(2026, 2, 25))).isFalse();
        assertThat(approved.isPublicationDue(LocalDate.of(2026, 2, 26))).isTrue();
    }

    @Test
    void crdGradePublishedFinalPublicationPublishesEverySubjectsCurrentGrade() {
        Evaluation approved = preliminary.approve(LocalDate.of(2026, 2, 13), 0, RULES, "credit1").next();
        CreditResult result = new CreditResult(approved.id(), 2025, "91211103MA0GA0001Y", "示范", 2, 72, "失信",
                false, ResultReason.OBJECTION_UPHELD, null, Instant.now());
        var published = approved.publish(LocalDate.of(2026, 2, 16), List.of(result));
        assertThat(published.next().status()).isEqualTo(EvaluationStatus.FINAL);
        var event = (EvaluationEvent.CreditGradePublished) published.events().get(0);
        assertThat(event.creditCode()).isEqualTo("91211103MA0GA0001Y");
        assertThat(event.enterpriseId()).isEqualTo(
                EvaluationEvent.CreditGradePublished.enterpriseId("91211103MA0GA0001Y").toString());
        assertThat(UUID.fromString(event.enterpriseId()).version()).isEqualTo(3);
        assertThat(event.grade()).isEqualTo("失信");
        assertThat(event.period()).isEqualTo("2025");
        assertThat(event.version()).isEqualTo(2);
        assertThatThrownBy(() -> published.next().publish(LocalDate.of(2026, 2, 17), List.of()))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("API-CONFLICTS-NAME-THE-BLOCKER: publishing before the approval names the"
            + " approval as the step that comes first")
    void publishingBeforeTheApprovalNamesTheApproval() {
        assertThatThrownBy(() -> preliminary.publish(LocalDate.of(2026, 2, 17), List.of()))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .containsEntry(DomainException.Conflict.REQUIRED_STEP, "approval"))
                .hasMessage("cannot publish the 2025 evaluation in state PRELIMINARY (needs APPROVED); approve it"
                        + " first (POST /api/credit/evaluations/2025/approval)");
    }

    @Test
    void crdEvalPeriodAPeriodIsEvaluatedOnlyOnceItHasEnded() {
        assertThatThrownBy(() -> RULES.requireEnded(2026, LocalDate.of(2026, 12, 31)))
                .isInstanceOf(DomainException.RuleViolation.class);
        RULES.requireEnded(2025, LocalDate.of(2026, 1, 1));
    }
}
