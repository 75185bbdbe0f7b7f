package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

class ComplaintTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final String UNIT = "兴隆台区生态环境分局";

    private static Complaint registered(String enterprise) {
        var facts = new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", enterprise,
                null, null);
        return Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB, facts, NOW,
                LocalDate.of(2026, 3, 23)).complaint();
    }

    private static Complaint handling(String enterprise) {
        Complaint dispatched = registered(enterprise).dispatch(UNIT, NOW).complaint();
        return dispatched.accept(UNIT, NOW).complaint().startHandling(UNIT);
    }

    @Test
    void aComplaintGoesThroughTheWholeLineToClosed() {
        Complaint complaint = registered("91211103MA0GA0001Y");
        assertThat(complaint.type()).isEqualTo(ComplaintType.COMPLAINT);
        complaint = complaint.dispatch(UNIT, NOW).complaint();
        complaint = complaint.accept(UNIT, NOW).complaint();
        complaint = complaint.startHandling(UNIT);
        complaint = complaint.recordHandling(UNIT, false, "监测达标", NOW).complaint();
        complaint = complaint.reply(UNIT, "经监测排放达标", NOW, LocalDate.of(2026, 3, 5)).complaint();
        complaint = complaint.followUp(Satisfaction.BASICALLY_SATISFIED, true, false, NOW).complaint();
        complaint = complaint.close(NOW).complaint();
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint.handling().reply()).isEqualTo("经监测排放达标");
        assertThat(complaint.handling().satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(complaint.version()).isEqualTo(8);
    }

    @Test
    void aStepOutOfOrderIsAConflict() {
        assertThatThrownBy(() -> registered(null).accept(UNIT, NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("REGISTERED");
        assertThatThrownBy(() -> registered(null).close(NOW)).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void onlyTheUnitItWasDispatchedToMayActOnIt() {
        Complaint dispatched = registered(null).dispatch(UNIT, NOW).complaint();
        assertThatThrownBy(() -> dispatched.accept("大洼区生态环境分局", NOW))
                .isInstanceOf(DomainException.Forbidden.class);
    }

    @Test
    void aReturnedComplaintGoesBackToDispatchWithItsReason() {
        Complaint returned = registered(null).dispatch(UNIT, NOW).complaint()
                .returnToDispatch(UNIT, "不属于本辖区", NOW).complaint();
        assertThat(returned.status()).isEqualTo(ComplaintStatus.RETURNED);
        assertThat(returned.handling().returnReason()).isEqualTo("不属于本辖区");
        assertThat(returned.handling().unit()).isNull();
        assertThat(returned.dispatch("大洼区生态环境分局", NOW).complaint().status())
                .isEqualTo(ComplaintStatus.DISPATCHED);
    }

    @Test
    void aSubstantiatedComplaintAboutAnEnterpriseRaisesAClue() {
        var handled = handling("91211103MA0GA0001Y").recordHandling(UNIT, true, "夜间偷排", NOW);
        assertThat(handled.clue()).hasValueSatisfying(clue -> {
            assertThat(clue.enterpriseCode()).isEqualTo("91211103MA0GA0001Y");
            assertThat(clue.findings()).isEqualTo("夜间偷排");
        });
        assertThat(handling(null).recordHandling(UNIT, true, "噪声扰民", NOW).clue()).isEmpty();
        assertThat(handling("91211103MA0GA0001Y").recordHandling(UNIT, false, "未发现", NOW).clue()).isEmpty();
    }

    @Test
    void anUnsolvedProblemGoesBackToTheUnitAndSatisfactionStaysApart() {
        Complaint replied = handling(null).recordHandling(UNIT, true, "x", NOW).complaint()
                .reply(UNIT, "y", NOW, LocalDate.of(2026, 3, 5)).complaint();
        Complaint reopened = replied.followUpAndReopen(Satisfaction.UNSATISFIED, false, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 30), NOW).complaint();
        assertThat(reopened.status()).isEqualTo(ComplaintStatus.HANDLING);
        assertThat(reopened.handling().reopenCount()).isEqualTo(1);
        assertThat(reopened.handling().unit()).isEqualTo(UNIT);

        Complaint unhappyButLawful = replied.followUp(Satisfaction.UNSATISFIED, true, false, NOW).complaint();
        assertThat(unhappyButLawful.status()).isEqualTo(ComplaintStatus.FOLLOWED_UP);
        assertThat(unhappyButLawful.handling().solved()).isTrue();
        assertThatThrownBy(() -> replied.followUp(Satisfaction.SATISFIED, true, true, NOW))
                .isInstanceOf(DomainException.RuleViolation.class);
        assertThatThrownBy(() -> replied.followUpAndReopen(Satisfaction.SATISFIED, true, LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 30), NOW)).isInstanceOf(DomainException.RuleViolation.class);
    }

    /** CMP-REOPEN-NEW-LIMIT: 重办 starts a new time limit; nothing of the first round's clock is carried over. */
    @Test
    void cmpReopenNewLimitStartsAFreshClockFromTheDayItReopens() {
        Complaint handled = handling("91211103MA0GA0001Y");
        Complaint escalated = handled.escalate(EscalationLevel.SUPERVISION, NOW).orElseThrow().complaint();
        Complaint replied = escalated.recordHandling(UNIT, true, "x", NOW).complaint()
                .reply(UNIT, "y", NOW, LocalDate.of(2026, 3, 27)).complaint();
        var transition = replied.followUpAndReopen(Satisfaction.UNSATISFIED, false, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 23), NOW);
        Complaint reopened = transition.complaint();
        assertThat(reopened.dueDate()).isEqualTo(LocalDate.of(2026, 4, 23));
        assertThat(reopened.sla().clockStartedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(reopened.sla().escalation()).isEqualTo(EscalationLevel.NONE);
        assertThat(reopened.sla().answeredOn()).isNull();
        assertThat(reopened.isOverdue(LocalDate.of(2026, 4, 2))).isFalse();
        assertThat(transition.events()).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("ComplaintFollowedUp", "ComplaintReopened");
        assertThat(((ComplaintEvent.ComplaintReopened) transition.events().get(1)).dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 23));
    }

    @Test
    void overdueMeansPastTheDueDateAndNotClosed() {
        Complaint complaint = registered(null);
        assertThat(complaint.isOverdue(LocalDate.of(2026, 3, 23))).isFalse();
        assertThat(complaint.isOverdue(LocalDate.of(2026, 3, 24))).isTrue();
    }
}
