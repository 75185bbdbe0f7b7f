package gov.envgov.enforcement.casefile;

import static gov.envgov.enforcement.casefile.CaseFixtures.RULES;
import static gov.envgov.enforcement.casefile.CaseFixtures.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.support.domain.DomainException;

/** Every transition of the ordinary procedure and every refusal, with the events they cause. */
class EnforcementCaseTest {

    static final List<String> INVESTIGATORS = List.of("inspector1", "inspector2");
    static final LocalDate FILED = LocalDate.of(2026, 9, 1);
    static final BigDecimal SMALL = new BigDecimal("50000");
    static final BigDecimal LARGE = new BigDecimal("300000");

    private EnforcementCase filed(boolean major) {
        return EnforcementCase.file(UUID.randomUUID(), facts(major), INVESTIGATORS, FILED, RULES).next();
    }

    private EnforcementCase noticed(boolean major, BigDecimal fine, LocalDate servedOn) {
        return filed(major).startInvestigation().next().requestReview().next()
                .serveNotice("reviewer-x", fine, servedOn, RULES).next();
    }

    @Test
    void enfCaseFileAClueBecomesACaseWithItsDecisionClock() {
        var filing = EnforcementCase.file(UUID.randomUUID(), facts(false), INVESTIGATORS, FILED, RULES);
        assertThat(filing.next().status()).isEqualTo(CaseStatus.FILED);
        assertThat(filing.event()).isInstanceOf(CaseEvent.CaseFiled.class);
        assertThat(((CaseEvent.CaseFiled) filing.event()).decisionDue()).isEqualTo(LocalDate.of(2026, 11, 30));
        var notFiled = EnforcementCase.notFiled(UUID.randomUUID(), facts(false), "证据不足");
        assertThat(notFiled.next().status()).isEqualTo(CaseStatus.NOT_FILED);
        assertThat(notFiled.next().procedure().notFiledReason()).isEqualTo("证据不足");
        assertThatThrownBy(() -> notFiled.next().startInvestigation()).isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> EnforcementCase.file(UUID.randomUUID(), facts(false), List.of("inspector1"), FILED,
                RULES)).isInstanceOf(DomainException.RuleViolation.class);
    }

    @Test
    void enfCaseReviewerTheCaseReviewIsNotByAnInvestigator() {
        EnforcementCase inReview = filed(false).startInvestigation().next().requestReview().next();
        assertThatThrownBy(() -> inReview.serveNotice("inspector2", SMALL, FILED, RULES))
                .isInstanceOf(DomainException.Forbidden.class);
        var notice = inReview.serveNotice("reviewer-x", SMALL, LocalDate.of(2026, 9, 30), RULES);
        assertThat(notice.next().status()).isEqualTo(CaseStatus.NOTICE_SERVED);
        assertThat(notice.event()).isEqualTo(new CaseEvent.NoticeServed(inReview.id(), "91211103MA0GA0001Y", SMALL,
                false, null));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("API-CONFLICTS-NAME-THE-BLOCKER: a skipped step names the case, its state and"
            + " the step that comes first")
    void stepsOutOfOrderAreRefused() {
        EnforcementCase filed = filed(false);
        assertThatThrownBy(filed::requestReview).isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> {
            assertThat(refusal.properties()).containsEntry(DomainException.Conflict.REQUIRED_STEP, "investigation")
                    .containsEntry(DomainException.Conflict.BLOCKED_BY,
                            java.util.Map.of("type", "case", "id", filed.id().toString(), "status", "FILED"));
        }).hasMessage("cannot send for case review case " + filed.id() + " in state FILED (needs [INVESTIGATING]);"
                + " start the investigation first (POST /api/enforcement/cases/" + filed.id() + "/investigation)");
        assertThatThrownBy(() -> filed.serveNotice("r", SMALL, FILED, RULES)).isInstanceOf(
                DomainException.Conflict.class);
        assertThatThrownBy(() -> filed.decide(Outcome.PENALTY, SMALL, "r", FILED, RULES))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(filed::archive).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void enfCaseHearingRequestOnlyWithTheRightAndWithinFiveWorkingDays() {
        EnforcementCase small = noticed(false, SMALL, LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> small.requestHearing(LocalDate.of(2026, 10, 8)))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("no right to a hearing");
        EnforcementCase large = noticed(false, LARGE, LocalDate.of(2026, 9, 30));
        assertThat(large.procedure().hearingRequestDue()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThatThrownBy(() -> large.requestHearing(LocalDate.of(2026, 10, 14)))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("2026-10-13");
        assertThat(large.requestHearing(LocalDate.of(2026, 10, 13)).next().status())
                .isEqualTo(CaseStatus.HEARING_REQUESTED);
    }

    @Test
    void nothingIsDecidedWhileAHearingMayStillBeRequested() {
        EnforcementCase large = noticed(false, LARGE, LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> large.decide(Outcome.PENALTY, LARGE, "r", LocalDate.of(2026, 10, 13), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2026-10-13");
        assertThatThrownBy(() -> large.requestLegalReview(LocalDate.of(2026, 10, 12)))
                .isInstanceOf(DomainException.Conflict.class);
        assertThat(large.requestLegalReview(LocalDate.of(2026, 10, 14)).next().status())
                .isEqualTo(CaseStatus.LEGAL_REVIEW);
    }

    @Test
    void enfCaseHearingChairAndNoticeANonInvestigatorChairsNotifiedSevenWorkingDaysAhead() {
        EnforcementCase requested = noticed(false, LARGE, LocalDate.of(2026, 9, 25))
                .requestHearing(LocalDate.of(2026, 9, 28)).next();
        assertThatThrownBy(() -> requested.scheduleHearing("inspector1", LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 9, 29), RULES)).isInstanceOf(DomainException.Forbidden.class);
        assertThatThrownBy(() -> requested.scheduleHearing("chair-x", LocalDate.of(2026, 10, 13),
                LocalDate.of(2026, 9, 29), RULES)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("2026-10-14");
        assertThat(requested.scheduleHearing("chair-x", LocalDate.of(2026, 10, 14), LocalDate.of(2026, 9, 29), RULES)
                .next().status()).isEqualTo(CaseStatus.HEARING);
    }

    @Test
    void enfCaseNoDecisionWithoutReviewAfterAHearingOrInAMajorCase() {
        // ENF-CASE-NO-DECISION-WITHOUT-REVIEW and ENF-CASE-LEGAL-REVIEW (by a non-investigator).
        EnforcementCase heard = noticed(false, LARGE, LocalDate.of(2026, 9, 25))
                .requestHearing(LocalDate.of(2026, 9, 28)).next()
                .scheduleHearing("chair-x", LocalDate.of(2026, 10, 14), LocalDate.of(2026, 9, 29), RULES).next();
        assertThatThrownBy(() -> heard.decide(Outcome.PENALTY, LARGE, "r", LocalDate.of(2026, 10, 20), RULES))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .containsEntry(DomainException.Conflict.REQUIRED_STEP, "legal-review"))
                .hasMessageStartingWith("case " + heard.id() + " is in state HEARING; a decision needs legal review"
                        + " first").hasMessageContaining("(POST /api/enforcement/cases/" + heard.id()
                        + "/legal-review)");
        EnforcementCase reviewed = heard.requestLegalReview(LocalDate.of(2026, 10, 15)).next();
        assertThatThrownBy(() -> reviewed.passLegalReview("inspector2")).isInstanceOf(DomainException.Forbidden.class);
        EnforcementCase passed = reviewed.passLegalReview("legal1").next();
        assertThat(passed.status()).isEqualTo(CaseStatus.LEGAL_REVIEW);
        assertThat(passed.decide(Outcome.PENALTY, LARGE, "r", LocalDate.of(2026, 10, 20), RULES).next().status())
                .isEqualTo(CaseStatus.DECIDED);

        EnforcementCase major = noticed(true, SMALL, LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> major.decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 10, 20), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("legal review");
        EnforcementCase collective = major.requestLegalReview(LocalDate.of(2026, 10, 8)).next()
                .passLegalReview("legal1").next();
        assertThat(collective.status()).isEqualTo(CaseStatus.COLLECTIVE_DECISION);
        assertThatThrownBy(() -> collective.decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 10, 20), RULES))
                .isInstanceOfSatisfying(DomainException.Conflict.class, refusal -> assertThat(refusal.properties())
                        .containsEntry(DomainException.Conflict.REQUIRED_STEP, "collective-decision"))
                .hasMessageContaining("case " + collective.id()).hasMessageContaining("collectively");
        assertThat(collective.recordCollectiveDecision("2026年第12次案审会纪要").next()
                .decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 10, 20), RULES).next().status())
                .isEqualTo(CaseStatus.DECIDED);
    }

    @Test
    void enfCaseNotAboveNoticeTheFineNeverExceedsWhatTheNoticeProposed() {
        EnforcementCase noticed = noticed(false, SMALL, LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> noticed.decide(Outcome.PENALTY, new BigDecimal("50000.01"), "r",
                LocalDate.of(2026, 10, 8), RULES)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("new notice");
        assertThatThrownBy(() -> noticed.decide(Outcome.PENALTY, BigDecimal.ZERO, "r", LocalDate.of(2026, 10, 8),
                RULES)).isInstanceOf(DomainException.RuleViolation.class);
        var decided = noticed.decide(Outcome.PENALTY, new BigDecimal("40000"), "主动改正，从轻",
                LocalDate.of(2026, 10, 8), RULES);
        assertThat(decided.event()).isEqualTo(new CaseEvent.PenaltyDecided(noticed.id(), "91211103MA0GA0001Y",
                Outcome.PENALTY, new BigDecimal("40000"), "OVER_LIMIT_DISCHARGE", "大气污染防治法 第九十九条", false,
                LocalDate.of(2026, 10, 8), List.of(PenaltyKind.FINE)));
    }

    @Test
    void aPenaltyIsServedExecutedPaidWithItsSurchargeClosedAndArchived() {
        EnforcementCase decided = noticed(false, SMALL, LocalDate.of(2026, 2, 2))
                .decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 2, 13), RULES).next();
        assertThat(decided.procedure().serviceDue()).isEqualTo(LocalDate.of(2026, 3, 2));
        var served = decided.serve(LocalDate.of(2026, 3, 2), RULES);
        assertThat(served.next().procedure().paymentDue()).isEqualTo(LocalDate.of(2026, 3, 17));
        assertThatThrownBy(() -> served.next().close(LocalDate.of(2026, 3, 3)))
                .isInstanceOf(DomainException.Conflict.class);
        EnforcementCase executing = served.next().startExecution().next();
        var partial = executing.recordPayment(new BigDecimal("20000"), LocalDate.of(2026, 3, 20), RULES);
        assertThat(partial.next().status()).isEqualTo(CaseStatus.EXECUTING);
        assertThat(partial.event()).isNull();
        // Three days late: 3 % of 50,000 a day is 4,500 on top of the fine.
        var paid = partial.next().recordPayment(new BigDecimal("34500"), LocalDate.of(2026, 3, 20), RULES);
        assertThat(paid.next().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(paid.event()).isEqualTo(new CaseEvent.PenaltyPaid(decided.id(), "91211103MA0GA0001Y", SMALL,
                new BigDecimal("4500.00"), LocalDate.of(2026, 3, 20)));
        assertThat(paid.next().archive().next().status()).isEqualTo(CaseStatus.ARCHIVED);
    }

    @Test
    void aDecisionWithoutAFineIsServedAndClosedNotExecuted() {
        EnforcementCase decided = noticed(false, SMALL, LocalDate.of(2026, 9, 30))
                .decide(Outcome.NO_PENALTY, null, "首违不罚：首次、轻微、及时改正", LocalDate.of(2026, 10, 8), RULES).next();
        assertThat(decided.procedure().decidedFine()).isEqualByComparingTo("0");
        EnforcementCase served = decided.serve(LocalDate.of(2026, 10, 9), RULES).next();
        assertThat(served.procedure().paymentDue()).isNull();
        assertThatThrownBy(served::startExecution).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("the decision of case " + served.id() + " has no fine");
        var closed = served.close(LocalDate.of(2026, 10, 9));
        assertThat(closed.next().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.event()).isInstanceOf(CaseEvent.CaseClosed.class);
    }

    @Test
    void enfPublishWithdrawalAPenaltyInForceIsWithdrawnOnceAndTheCaseCloses() {
        EnforcementCase served = noticed(false, SMALL, LocalDate.of(2026, 9, 30))
                .decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 10, 8), RULES).next()
                .serve(LocalDate.of(2026, 10, 9), RULES).next();
        var withdrawn = served.withdrawDecision("行政复议决定撤销", LocalDate.of(2026, 11, 2));
        assertThat(withdrawn.next().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(withdrawn.event()).isEqualTo(new CaseEvent.DecisionWithdrawn(served.id(), "91211103MA0GA0001Y",
                "行政复议决定撤销", LocalDate.of(2026, 11, 2)));
        assertThatThrownBy(() -> withdrawn.next().withdrawDecision("again", LocalDate.of(2026, 11, 3)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("no penalty decision in force");
        EnforcementCase noPenalty = noticed(false, SMALL, LocalDate.of(2026, 9, 30))
                .decide(Outcome.NO_PENALTY, null, "首违不罚", LocalDate.of(2026, 10, 8), RULES).next();
        assertThatThrownBy(() -> noPenalty.withdrawDecision("x", LocalDate.of(2026, 11, 2)))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> filed(false).withdrawDecision("x", LocalDate.of(2026, 11, 2)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("FILED");
    }
}
