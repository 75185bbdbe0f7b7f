package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    /** A decision: the penalty, its basis, and whether it is a veto event for credit. */
    record PenaltyDecided(UUID caseId, String enterpriseCode, Outcome outcome, BigDecimal amount, String violation,
                          String legalBasis, boolean veto, LocalDate decidedOn) implements CaseEvent {
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
