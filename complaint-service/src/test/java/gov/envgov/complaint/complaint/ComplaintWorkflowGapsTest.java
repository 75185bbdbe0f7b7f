package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import gov.envgov.complaint.complaint.Complaint.FollowUpBy;
import gov.envgov.support.domain.DomainException;

/** The workflow's gaps closed in issue 14: follow-up once, extension requests, district, re-dispatch, step order. */
class ComplaintWorkflowGapsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final String UNIT = "兴隆台区生态环境分局";
    private static final String OTHER_UNIT = "大洼区生态环境分局";

    private static Complaint registered() {
        var facts = new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", null,
                null, null);
        return Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB, facts, NOW,
                LocalDate.of(2026, 3, 23)).complaint();
    }

    private static Complaint accepted() {
        return registered().dispatch(UNIT, NOW).complaint().accept(UNIT, NOW).complaint();
    }

    private static Complaint replied() {
        return accepted().startHandling(UNIT).recordHandling(UNIT, false, "未发现异常", NOW).complaint()
                .reply(UNIT, "经核查未发现异常", NOW, TODAY).complaint();
    }

    @Test
    @DisplayName("CMP-STEP-FIRST: a step asked for too early names the step that comes first")
    void cmpStepFirstIsNamedWhenAStepIsSkipped() {
        // API-CONFLICTS-NAME-THE-BLOCKER: the same as problem members, blockedBy and requiredStep.
        assertThatThrownBy(() -> accepted().recordHandling(UNIT, true, "x", NOW))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .containsEntry(DomainException.Conflict.REQUIRED_STEP, "start")
                        .containsEntry(DomainException.Conflict.BLOCKED_BY, java.util.Map.of("type", "complaint",
                                "id", "HB20260302-ABCDEFGH", "status", "ACCEPTED")))
                .hasMessage("cannot record handling complaint HB20260302-ABCDEFGH while it is ACCEPTED; the step "
                        + "'start' comes first");
        assertThatThrownBy(() -> accepted().reply(UNIT, "x", NOW, TODAY)).hasMessageContaining("'start' comes first");
        assertThatThrownBy(() -> registered().dispatch(UNIT, NOW).complaint().startHandling(UNIT))
                .hasMessageContaining("'accept' comes first");
        assertThatThrownBy(() -> registered().close(NOW)).hasMessageContaining("'dispatch' comes first");
        // Past the step, nothing comes first: the plain refusal.
        assertThatThrownBy(() -> replied().accept(UNIT, NOW))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .doesNotContainKey(DomainException.Conflict.REQUIRED_STEP))
                .hasMessage("cannot accept complaint HB20260302-ABCDEFGH while it is REPLIED");
    }

    @Test
    @DisplayName("CMP-FOLLOW-UP-BY-COMPLAINANT: the follow-up is given once, and a second one names the first")
    void cmpFollowUpByComplainantIsGivenOnceByEitherSide() {
        Complaint followed = replied().followUp(FollowUpBy.COMPLAINANT, Satisfaction.UNSATISFIED, true, NOW)
                .complaint();
        assertThat(followed.status()).isEqualTo(ComplaintStatus.FOLLOWED_UP);
        assertThat(followed.handling().followUpBy()).isEqualTo(FollowUpBy.COMPLAINANT);
        assertThat(followed.handling().solved()).isTrue();

        assertThatThrownBy(() -> followed.followUp(Satisfaction.SATISFIED, true, false, NOW))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("given already by the complainant (UNSATISFIED, solved: true)")
                .extracting(e -> ((DomainException) e).code()).isEqualTo("follow-up-given");
        assertThatThrownBy(() -> followed.followUpAndReopen(Satisfaction.UNSATISFIED, false, TODAY, TODAY, NOW))
                .hasMessageContaining("given already");
        Complaint called = replied().followUp(Satisfaction.SATISFIED, true, false, NOW).complaint();
        assertThatThrownBy(() -> called.followUp(FollowUpBy.COMPLAINANT, Satisfaction.UNSATISFIED, false, NOW))
                .hasMessageContaining("the hotline's follow-up call");
        assertThatThrownBy(() -> accepted().followUp(FollowUpBy.COMPLAINANT, Satisfaction.SATISFIED, true, NOW))
                .hasMessageContaining("'start' comes first");
    }

    @Test
    @DisplayName("CMP-REOPEN-ON-COMPLAINANTS-ANSWER: the operator reopens on the complainant's 'not solved'")
    void cmpReopenOnComplainantsAnswerKeepsTheAnswerAndStartsANewRound() {
        Complaint unsolved = replied().followUp(FollowUpBy.COMPLAINANT, Satisfaction.UNSATISFIED, false, NOW)
                .complaint();
        LocalDate due = TODAY.plusDays(20);
        Complaint.Transition<ComplaintEvent.ComplaintReopened> reopened =
                unsolved.reopenOnComplainantsAnswer(TODAY, due, NOW);
        assertThat(reopened.complaint().status()).isEqualTo(ComplaintStatus.HANDLING);
        assertThat(reopened.complaint().sla().dueDate()).isEqualTo(due);
        assertThat(reopened.complaint().handling().reopenCount()).isEqualTo(1);
        assertThat(reopened.complaint().handling().satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
        assertThat(reopened.event().unit()).isEqualTo(UNIT);

        Complaint solved = replied().followUp(FollowUpBy.COMPLAINANT, Satisfaction.SATISFIED, true, NOW).complaint();
        assertThatThrownBy(() -> solved.reopenOnComplainantsAnswer(TODAY, due, NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("not solved");
        Complaint called = replied().followUp(Satisfaction.UNSATISFIED, false, false, NOW).complaint();
        assertThatThrownBy(() -> called.reopenOnComplainantsAnswer(TODAY, due, NOW))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    @DisplayName("CMP-REDISPATCH-NOT-RETURNER: not back to the unit that just returned it, unless overridden")
    void cmpRedispatchNotReturnerUnlessTheOperatorSaysSo() {
        Complaint returned = registered().dispatch(UNIT, NOW).complaint()
                .returnToDispatch(UNIT, "不属于本辖区", NOW).complaint();
        assertThat(returned.handling().returnedBy()).isEqualTo(UNIT);
        assertThatThrownBy(() -> returned.dispatch(UNIT, NOW))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("returned by " + UNIT).hasMessageContaining("不属于本辖区")
                .extracting(e -> ((DomainException) e).code()).isEqualTo("returned-by-unit");

        Complaint elsewhere = returned.dispatch(OTHER_UNIT, NOW).complaint();
        assertThat(elsewhere.handling().unit()).isEqualTo(OTHER_UNIT);
        assertThat(elsewhere.handling().returnReason()).isEqualTo("不属于本辖区");
        assertThat(elsewhere.handling().returnedBy()).isEqualTo(UNIT);
        assertThat(returned.dispatch(UNIT, true, NOW).complaint().handling().unit()).isEqualTo(UNIT);
    }

    @Test
    @DisplayName("CMP-DISTRICT-CORRECTION: an open complaint's district is corrected, to another district")
    void cmpDistrictCorrectionChangesTheDistrictAndReportsIt() {
        Complaint complaint = registered();
        var corrected = complaint.correctDistrict("大洼区", NOW);
        assertThat(corrected.complaint().district()).isEqualTo("大洼区");
        assertThat(corrected.complaint().version()).isEqualTo(complaint.version() + 1);
        assertThat(corrected.event().previousDistrict()).isEqualTo("兴隆台区");
        assertThatThrownBy(() -> complaint.correctDistrict("兴隆台区", NOW))
                .isInstanceOf(DomainException.RuleViolation.class);
        Complaint closed = replied().followUp(Satisfaction.SATISFIED, true, false, NOW).complaint().close(NOW)
                .complaint();
        assertThatThrownBy(() -> closed.correctDistrict("大洼区", NOW)).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    @DisplayName("CMP-EXTENSION-REQUEST: only the unit asks, before the due date, and not once extended")
    void cmpExtensionRequestIsTheUnitsBeforeTheDueDate() {
        Complaint complaint = accepted();
        UUID request = UUID.randomUUID();
        var asked = complaint.requestExtension(UNIT, request, 5, TODAY, NOW);
        assertThat(asked.complaint().dueDate()).isEqualTo(complaint.dueDate());
        assertThat(asked.event().workingDays()).isEqualTo(5);
        assertThatThrownBy(() -> complaint.requestExtension(OTHER_UNIT, request, 5, TODAY, NOW))
                .isInstanceOf(DomainException.Forbidden.class);
        assertThatThrownBy(() -> complaint.requestExtension(UNIT, request, 5, LocalDate.of(2026, 3, 24), NOW))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("2026-03-23");
        Complaint extended = complaint.extend(LocalDate.of(2026, 3, 30), "需第三方检测", TODAY,
                LocalDate.of(2026, 6, 1), NOW).complaint();
        assertThatThrownBy(() -> extended.requestExtension(UNIT, request, 5, TODAY, NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("需第三方检测");
        assertThatThrownBy(() -> replied().requestExtension(UNIT, request, 5, TODAY, NOW))
                .isInstanceOf(DomainException.Conflict.class);
    }
}
