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

/**
 * The parts of the procedure after the ordinary path: kinds of penalty and 吊销, the decision clock's pauses and
 * extensions, the simple procedure, forced execution and the transfer to the police — each with its refusals.
 */
class CaseClocksAndExecutionTest {

    static final List<String> INVESTIGATORS = List.of("inspector1", "inspector2");
    static final LocalDate FILED = LocalDate.of(2026, 9, 1);
    static final BigDecimal SMALL = new BigDecimal("50000");
    static final String UNIT = "91211103MA0GA0001Y";

    private static EnforcementCase filed() {
        return EnforcementCase.file(UUID.randomUUID(), facts(false), INVESTIGATORS, FILED, RULES).next();
    }

    private static EnforcementCase inReview() {
        return filed().startInvestigation().next().requestReview().next();
    }

    /** Served on Mon 2 Mar 2026, executing, nothing paid. */
    private static EnforcementCase executing() {
        return inReview().serveNotice("reviewer-x", SMALL, LocalDate.of(2026, 2, 2), RULES).next()
                .decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 2, 13), RULES).next()
                .serve(LocalDate.of(2026, 3, 2), RULES).next().startExecution().next();
    }

    @Test
    void enfCaseRevocationADecisionThatRevokesThePermitReachesPermitService() {
        var noticed = inReview().serveNotice("reviewer-x", SMALL, List.of(PenaltyKind.PERMIT_REVOCATION),
                LocalDate.of(2026, 9, 30), RULES);
        // 吊销 gives a hearing right although the fine is below the threshold.
        assertThat(noticed.next().procedure().hearingRight()).isTrue();
        assertThat(noticed.next().procedure().proposedKinds()).containsExactly(PenaltyKind.FINE,
                PenaltyKind.PERMIT_REVOCATION);
        EnforcementCase reviewed = noticed.next().requestLegalReview(LocalDate.of(2026, 10, 14)).next()
                .passLegalReview("legal1").next();
        var decided = reviewed.decide(Outcome.PENALTY, SMALL, List.of(PenaltyKind.PERMIT_REVOCATION),
                "盘环罚〔2026〕7号", "暗管排放，情节严重", LocalDate.of(2026, 10, 20), RULES, null);
        assertThat(decided.event()).isInstanceOf(CaseEvent.PenaltyDecided.class);
        assertThat(((CaseEvent.PenaltyDecided) decided.event()).kinds()).containsExactly(PenaltyKind.FINE,
                PenaltyKind.PERMIT_REVOCATION);
        assertThat(decided.more()).containsExactly(new CaseEvent.PermitRevocationDecided(reviewed.id(), UNIT,
                "盘环罚〔2026〕7号", LocalDate.of(2026, 10, 20), "大气污染防治法 第九十九条"));
        assertThat(decided.events()).hasSize(2);
        assertThat(decided.next().procedure().decisionNumber()).isEqualTo("盘环罚〔2026〕7号");

        var fineOnly = reviewed.decide(Outcome.PENALTY, SMALL, List.of(), "盘环罚〔2026〕8号", "r",
                LocalDate.of(2026, 10, 20), RULES, null);
        assertThat(fineOnly.events()).hasSize(1);
    }

    @Test
    void enfCaseRevocationIsRefusedWhenTheNoticeDidNotProposeIt() {
        EnforcementCase noticed = inReview().serveNotice("reviewer-x", SMALL, LocalDate.of(2026, 9, 30), RULES)
                .next();
        assertThat(noticed.procedure().hearingRight()).isFalse();
        assertThatThrownBy(() -> noticed.decide(Outcome.PENALTY, SMALL, List.of(PenaltyKind.PERMIT_REVOCATION),
                "n", "r", LocalDate.of(2026, 10, 8), RULES, null))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("PERMIT_REVOCATION")
                .hasMessageContaining("new notice");
        // A warning alone is a penalty without a fine; FINE named with no amount is no fine.
        EnforcementCase warned = inReview().serveNotice("reviewer-x", BigDecimal.ZERO,
                List.of(PenaltyKind.WARNING), LocalDate.of(2026, 9, 30), RULES).next();
        assertThat(warned.decide(Outcome.PENALTY, null, List.of(PenaltyKind.WARNING), "n", "r",
                LocalDate.of(2026, 10, 8), RULES, null).next().procedure().decidedKinds())
                .containsExactly(PenaltyKind.WARNING);
        assertThatThrownBy(() -> warned.decide(Outcome.PENALTY, null, List.of(PenaltyKind.FINE), "n", "r",
                LocalDate.of(2026, 10, 8), RULES, null)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("names its fine");
    }

    @Test
    void enfCaseDecisionPauseAHearingAcrossNationalDayAndItsMakeUpSaturdayMovesTheDecisionByCalendarDays() {
        EnforcementCase filed = filed();
        assertThat(filed.procedure().decisionDue()).isEqualTo(LocalDate.of(2026, 11, 30));
        var paused = filed.pauseDecisionClock(PauseReason.HEARING, LocalDate.of(2026, 9, 30));
        assertThat(paused.event()).isEqualTo(new CaseEvent.DecisionClockPaused(filed.id(), UNIT, PauseReason.HEARING,
                LocalDate.of(2026, 9, 30)));
        // Resumed on Sat 10 Oct, a make-up working day after the 1–7 Oct holidays: the 10 calendar days stood, not
        // the 3 working days among them.
        var resumed = paused.next().resumeDecisionClock(LocalDate.of(2026, 10, 10));
        assertThat(resumed.next().procedure().decisionDue()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(resumed.next().nextDue()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(resumed.event()).isEqualTo(new CaseEvent.DecisionClockResumed(filed.id(), UNIT,
                PauseReason.HEARING, LocalDate.of(2026, 10, 10), 10, LocalDate.of(2026, 12, 10)));
        // Service of a document across the Spring Festival, then testing: the pauses add up.
        EnforcementCase twice = resumed.next().pauseDecisionClock(PauseReason.TESTING, LocalDate.of(2026, 10, 12))
                .next().resumeDecisionClock(LocalDate.of(2026, 10, 19)).next();
        assertThat(twice.procedure().decisionDue()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(twice.procedure().pauses()).extracting(ClockPause::reason)
                .containsExactly(PauseReason.HEARING, PauseReason.TESTING);
    }

    @Test
    void enfCaseDecisionPauseRefusals() {
        EnforcementCase filed = filed();
        assertThatThrownBy(() -> filed.resumeDecisionClock(LocalDate.of(2026, 9, 2)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("not paused");
        assertThatThrownBy(() -> filed.pauseDecisionClock(PauseReason.SERVICE, LocalDate.of(2026, 8, 31)))
                .isInstanceOf(DomainException.RuleViolation.class);
        EnforcementCase paused = filed.pauseDecisionClock(PauseReason.SERVICE, LocalDate.of(2026, 9, 2)).next();
        assertThatThrownBy(() -> paused.pauseDecisionClock(PauseReason.TESTING, LocalDate.of(2026, 9, 3)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("paused already");
        assertThatThrownBy(() -> paused.resumeDecisionClock(LocalDate.of(2026, 9, 1)))
                .isInstanceOf(DomainException.RuleViolation.class);
        EnforcementCase pausedAtNotice = inReview().serveNotice("reviewer-x", SMALL, LocalDate.of(2026, 9, 30),
                RULES).next().pauseDecisionClock(PauseReason.TESTING, LocalDate.of(2026, 10, 8)).next();
        assertThatThrownBy(() -> pausedAtNotice.decide(Outcome.PENALTY, SMALL, "r", LocalDate.of(2026, 10, 9),
                RULES)).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("resume it first");
        EnforcementCase decided = executing();
        assertThatThrownBy(() -> decided.pauseDecisionClock(PauseReason.HEARING, LocalDate.of(2026, 3, 3)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("EXECUTING");
    }

    @Test
    void enfCaseDecisionExtensionThirtyDaysTwiceTheSecondCollectively() {
        EnforcementCase filed = filed();
        EnforcementCase once = filed.extendDecisionPeriod("局长批准延期", null, LocalDate.of(2026, 11, 20), RULES)
                .next();
        assertThat(once.procedure().decisionDue()).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThatThrownBy(() -> once.extendDecisionPeriod("局长批准", " ", LocalDate.of(2026, 12, 20), RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("collectively");
        EnforcementCase twice = once.extendDecisionPeriod("局长批准", "2026年第15次集体讨论纪要",
                LocalDate.of(2026, 12, 20), RULES).next();
        assertThat(twice.procedure().decisionDue()).isEqualTo(LocalDate.of(2027, 1, 29));
        assertThatThrownBy(() -> twice.extendDecisionPeriod("再次", "纪要", LocalDate.of(2027, 1, 2), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2 times");
        assertThatThrownBy(() -> filed.extendDecisionPeriod("逾期后批准", null, LocalDate.of(2026, 12, 1), RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("2026-11-30");
    }

    @Test
    void enfCaseSimpleProcedureDecidedOnTheSpotUpToTheLimitThenServedAndPaid() {
        var onTheSpot = EnforcementCase.decideOnTheSpot(UUID.randomUUID(), facts(false), INVESTIGATORS,
                new BigDecimal("3000"), "未按规定设置排污口标志牌", FILED, "盘环罚〔2026〕3号", RULES);
        EnforcementCase decided = onTheSpot.next();
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(decided.procedure().simpleProcedure()).isTrue();
        assertThat(decided.procedure().serviceDue()).isEqualTo(FILED);
        assertThat(onTheSpot.events()).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("CaseFiled", "PenaltyDecided");
        assertThat(onTheSpot.more().get(0)).isEqualTo(new CaseEvent.PenaltyDecided(decided.id(), UNIT,
                Outcome.PENALTY, new BigDecimal("3000"), "OVER_LIMIT_DISCHARGE", "大气污染防治法 第九十九条", false,
                FILED, List.of(PenaltyKind.FINE)));
        EnforcementCase served = decided.serve(FILED, RULES).next();
        assertThat(served.procedure().paymentDue()).isEqualTo(LocalDate.of(2026, 9, 16));
        assertThat(served.startExecution().next().recordPayment(new BigDecimal("3000"), FILED, RULES).next()
                .status()).isEqualTo(CaseStatus.CLOSED);
        var warning = EnforcementCase.decideOnTheSpot(UUID.randomUUID(), facts(false), INVESTIGATORS,
                BigDecimal.ZERO, "警告", FILED, "盘环罚〔2026〕4号", RULES);
        assertThat(warning.next().procedure().decidedKinds()).containsExactly(PenaltyKind.WARNING);
    }

    @Test
    void enfCaseSimpleProcedureRefusesAFineAboveTheLimitOneInspectorOrAnExpiredViolation() {
        assertThatThrownBy(() -> EnforcementCase.decideOnTheSpot(UUID.randomUUID(), facts(false), INVESTIGATORS,
                new BigDecimal("3000.01"), "r", FILED, "n", RULES)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("ordinary case");
        CaseFacts person = new CaseFacts(null, UNIT, PartyKind.INDIVIDUAL, "V", "B", false, FILED, FILED, false,
                false);
        assertThatThrownBy(() -> EnforcementCase.decideOnTheSpot(UUID.randomUUID(), person, INVESTIGATORS,
                new BigDecimal("201"), "r", FILED, "n", RULES)).isInstanceOf(DomainException.RuleViolation.class);
        assertThatThrownBy(() -> EnforcementCase.decideOnTheSpot(UUID.randomUUID(), facts(false),
                List.of("inspector1"), new BigDecimal("100"), "r", FILED, "n", RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("two");
        CaseFacts old = new CaseFacts(null, UNIT, PartyKind.ORGANISATION, "V", "B", false, FILED,
                FILED.minusYears(3), false, false);
        assertThatThrownBy(() -> EnforcementCase.decideOnTheSpot(UUID.randomUUID(), old, INVESTIGATORS,
                new BigDecimal("100"), "r", FILED, "n", RULES)).isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("2 years");
    }

    @Test
    void enfCaseForcedExecutionDemandThenCourtWhenUnpaidAndNotContested() {
        EnforcementCase executing = executing();
        // Served 2 Mar 2026: review until 1 May, lawsuit until 2 Sep; a demand from 3 Sep.
        assertThat(RULES.earliestDemand(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThatThrownBy(() -> executing.demandPayment(10, LocalDate.of(2026, 9, 2), RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("2026-09-03");
        assertThatThrownBy(() -> executing.demandPayment(9, LocalDate.of(2026, 9, 3), RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("at least 10 days");
        assertThatThrownBy(() -> executing.applyToCourt(LocalDate.of(2026, 9, 20), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("demand");
        var demanded = executing.demandPayment(10, LocalDate.of(2026, 9, 3), RULES);
        assertThat(demanded.event()).isEqualTo(new CaseEvent.PaymentDemanded(executing.id(), UNIT,
                LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 13)));
        assertThat(demanded.next().nextDue()).isEqualTo(LocalDate.of(2026, 9, 13));
        assertThatThrownBy(() -> demanded.next().demandPayment(10, LocalDate.of(2026, 9, 4), RULES))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> demanded.next().applyToCourt(LocalDate.of(2026, 9, 13), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2026-09-13");
        assertThatThrownBy(() -> demanded.next().applyToCourt(LocalDate.of(2026, 12, 3), RULES))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("2026-12-02");
        var applied = demanded.next().applyToCourt(LocalDate.of(2026, 9, 14), RULES);
        assertThat(applied.event()).isEqualTo(new CaseEvent.CourtEnforcementApplied(executing.id(), UNIT,
                LocalDate.of(2026, 9, 14), SMALL));
        assertThatThrownBy(() -> applied.next().applyToCourt(LocalDate.of(2026, 9, 15), RULES))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void enfCaseForcedExecutionNotWhileContestedNorBeforeExecution() {
        EnforcementCase contested = executing().recordChallenge(ChallengeKind.LAWSUIT.name(),
                LocalDate.of(2026, 4, 1)).next();
        assertThatThrownBy(() -> contested.demandPayment(10, LocalDate.of(2026, 9, 3), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("contested");
        assertThatThrownBy(() -> contested.recordChallenge("LAWSUIT", LocalDate.of(2026, 4, 2)))
                .isInstanceOf(DomainException.Conflict.class);
        EnforcementCase demanded = executing().demandPayment(10, LocalDate.of(2026, 9, 3), RULES).next()
                .recordChallenge("LAWSUIT", LocalDate.of(2026, 9, 5)).next();
        assertThatThrownBy(() -> demanded.applyToCourt(LocalDate.of(2026, 9, 14), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("contested");
        assertThatThrownBy(() -> filed().demandPayment(10, LocalDate.of(2026, 9, 3), RULES))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("FILED");
        assertThatThrownBy(() -> filed().recordChallenge("LAWSUIT", LocalDate.of(2026, 9, 3)))
                .isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void enfCasePoliceTransferOnceWhileTheCaseIsOpen() {
        EnforcementCase investigating = filed().startInvestigation().next();
        var transferred = investigating.transferToPolice("暗管排放含重金属废水，涉嫌污染环境罪", LocalDate.of(2026, 9, 5));
        assertThat(transferred.next().status()).isEqualTo(CaseStatus.INVESTIGATING);
        assertThat(transferred.event()).isEqualTo(new CaseEvent.CaseTransferredToPolice(investigating.id(), UNIT,
                "暗管排放含重金属废水，涉嫌污染环境罪", LocalDate.of(2026, 9, 5)));
        assertThat(CaseResponse.forParty(transferred.next()).procedure().policeTransferReason()).isNull();
        assertThatThrownBy(() -> transferred.next().transferToPolice("again", LocalDate.of(2026, 9, 6)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("2026-09-05");
        EnforcementCase closed = executing().recordPayment(SMALL, LocalDate.of(2026, 3, 3), RULES).next();
        assertThatThrownBy(() -> closed.transferToPolice("late", LocalDate.of(2026, 3, 4)))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("CLOSED");
        EnforcementCase notFiled = EnforcementCase.notFiled(UUID.randomUUID(), facts(false), "证据不足").next();
        assertThatThrownBy(() -> notFiled.transferToPolice("x", LocalDate.of(2026, 9, 6)))
                .isInstanceOf(DomainException.Conflict.class);
    }
}
