package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * The events of an enforcement case, published on enforcement-service's feed (credit-service takes penalties and
 * payments, permit-service a decision that withdraws a permit). Each record's simple name is its type on the wire.
 */
public sealed interface CaseEvent extends PublishedEvent {

    UUID caseId();

    String enterpriseCode();

    @Override
    default String aggregateType() {
        return "case";
    }

    @Override
    default String aggregateId() {
        return caseId().toString();
    }

    record CaseFiled(UUID caseId, String enterpriseCode, UUID clueId, String violation, LocalDate filedOn,
                     LocalDate decisionDue) implements CaseEvent {
    }

    record CaseNotFiled(UUID caseId, String enterpriseCode, UUID clueId, String reason) implements CaseEvent {
    }

    record NoticeServed(UUID caseId, String enterpriseCode, BigDecimal proposedFine, boolean hearingRight,
                        LocalDate hearingRequestDue) implements CaseEvent {
    }

    record HearingRequested(UUID caseId, String enterpriseCode, LocalDate requestedOn) implements CaseEvent {
    }

    record HearingScheduled(UUID caseId, String enterpriseCode, LocalDate hearingOn) implements CaseEvent {
    }

    /** A decision: the penalty, its basis, whether it is a veto event for credit, and the kinds it imposes. */
    record PenaltyDecided(UUID caseId, String enterpriseCode, Outcome outcome, BigDecimal amount, String violation,
                          String legalBasis, boolean veto, LocalDate decidedOn, List<PenaltyKind> kinds)
            implements CaseEvent {
    }

    /**
     * A decision revokes the enterprise's discharge permit (吊销); permit-service withdraws the permit with the
     * decision as its legal basis. Contract: {@code caseId}, {@code enterpriseCode}, {@code decisionNumber},
     * {@code decidedOn} (ISO date), {@code legalBasis} (text).
     */
    record PermitRevocationDecided(UUID caseId, String enterpriseCode, String decisionNumber, LocalDate decidedOn,
                                   String legalBasis) implements CaseEvent {
    }

    record DecisionClockPaused(UUID caseId, String enterpriseCode, PauseReason reason, LocalDate pausedOn)
            implements CaseEvent {
    }

    record DecisionClockResumed(UUID caseId, String enterpriseCode, PauseReason reason, LocalDate resumedOn,
                                long pausedDays, LocalDate decisionDue) implements CaseEvent {
    }

    record DecisionPeriodExtended(UUID caseId, String enterpriseCode, int extension, LocalDate decisionDue)
            implements CaseEvent {
    }

    /** The party applied for administrative review or sued against the decision. */
    record DecisionChallenged(UUID caseId, String enterpriseCode, String challenge, LocalDate filedOn)
            implements CaseEvent {
    }

    /** A written demand to pay (催告) before the bureau applies to the court. */
    record PaymentDemanded(UUID caseId, String enterpriseCode, LocalDate demandedOn, LocalDate payBy)
            implements CaseEvent {
    }

    record CourtEnforcementApplied(UUID caseId, String enterpriseCode, LocalDate appliedOn, BigDecimal unpaid)
            implements CaseEvent {
    }

    /** The case, or part of it, was transferred to the police (移送公安). */
    record CaseTransferredToPolice(UUID caseId, String enterpriseCode, String reason, LocalDate transferredOn)
            implements CaseEvent {
    }

    record DecisionServed(UUID caseId, String enterpriseCode, LocalDate servedOn, LocalDate paymentDue)
            implements CaseEvent {
    }

    record PenaltyPaid(UUID caseId, String enterpriseCode, BigDecimal fine, BigDecimal surcharge, LocalDate paidOn)
            implements CaseEvent {
    }

    /** A decision changed or annulled (by review, court or the bureau itself): its penalty no longer counts. */
    record DecisionWithdrawn(UUID caseId, String enterpriseCode, String reason, LocalDate withdrawnOn)
            implements CaseEvent {
    }

    record CaseClosed(UUID caseId, String enterpriseCode, LocalDate closedOn) implements CaseEvent {
    }
}
