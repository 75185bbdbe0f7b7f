package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the procedure recorded so far; each step fills its part. {@link Builder} copies it for the next state.
 */
public record CaseProcedure(List<String> investigators, LocalDate filedOn, LocalDate decisionDue, String reviewer,
                            BigDecimal proposedFine, boolean hearingRight, LocalDate noticeServedOn,
                            LocalDate hearingRequestDue, LocalDate hearingRequestedOn, String hearingChair,
                            LocalDate hearingOn, String legalReviewer, String collectiveMinutes, Outcome outcome,
                            BigDecimal decidedFine, String decisionReason, LocalDate decidedOn, LocalDate serviceDue,
                            LocalDate servedOn, LocalDate paymentDue, BigDecimal paid, LocalDate closedOn,
                            String notFiledReason, LocalDate withdrawnOn, String withdrawalReason,
                            BigDecimal computedFine, String discretionVersion, String deviationReason) {

    public CaseProcedure {
        investigators = investigators == null ? List.of() : List.copyOf(investigators);
    }

    Builder next() {
        return new Builder(this);
    }

    /** A copy of a procedure with some parts changed. */
    static final class Builder {
        List<String> investigators;
        LocalDate filedOn;
        LocalDate decisionDue;
        String reviewer;
        BigDecimal proposedFine;
        boolean hearingRight;
        LocalDate noticeServedOn;
        LocalDate hearingRequestDue;
        LocalDate hearingRequestedOn;
        String hearingChair;
        LocalDate hearingOn;
        String legalReviewer;
        String collectiveMinutes;
        Outcome outcome;
        BigDecimal decidedFine;
        String decisionReason;
        LocalDate decidedOn;
        LocalDate serviceDue;
        LocalDate servedOn;
        LocalDate paymentDue;
        BigDecimal paid;
        LocalDate closedOn;
        String notFiledReason;
        LocalDate withdrawnOn;
        String withdrawalReason;
        BigDecimal computedFine;
        String discretionVersion;
        String deviationReason;

        Builder(CaseProcedure from) {
            investigators = from.investigators;
            filedOn = from.filedOn;
            decisionDue = from.decisionDue;
            reviewer = from.reviewer;
            proposedFine = from.proposedFine;
            hearingRight = from.hearingRight;
            noticeServedOn = from.noticeServedOn;
            hearingRequestDue = from.hearingRequestDue;
            hearingRequestedOn = from.hearingRequestedOn;
            hearingChair = from.hearingChair;
            hearingOn = from.hearingOn;
            legalReviewer = from.legalReviewer;
            collectiveMinutes = from.collectiveMinutes;
            outcome = from.outcome;
            decidedFine = from.decidedFine;
            decisionReason = from.decisionReason;
            decidedOn = from.decidedOn;
            serviceDue = from.serviceDue;
            servedOn = from.servedOn;
            paymentDue = from.paymentDue;
            paid = from.paid;
            closedOn = from.closedOn;
            notFiledReason = from.notFiledReason;
            withdrawnOn = from.withdrawnOn;
            withdrawalReason = from.withdrawalReason;
            computedFine = from.computedFine;
            discretionVersion = from.discretionVersion;
            deviationReason = from.deviationReason;
        }

        CaseProcedure build() {
            return new CaseProcedure(investigators, filedOn, decisionDue, reviewer, proposedFine, hearingRight,
                    noticeServedOn, hearingRequestDue, hearingRequestedOn, hearingChair, hearingOn, legalReviewer,
                    collectiveMinutes, outcome, decidedFine, decisionReason, decidedOn, serviceDue, servedOn,
                    paymentDue, paid, closedOn, notFiledReason, withdrawnOn, withdrawalReason, computedFine,
                    discretionVersion, deviationReason);
        }
    }

    static CaseProcedure empty() {
        return new CaseProcedure(List.of(), null, null, null, null, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, BigDecimal.ZERO, null, null, null, null, null, null,
                null);
    }
}
