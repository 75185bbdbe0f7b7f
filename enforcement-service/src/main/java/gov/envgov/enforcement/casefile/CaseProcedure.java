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
                            BigDecimal computedFine, String discretionVersion, String deviationReason,
                            List<PenaltyKind> proposedKinds, List<PenaltyKind> decidedKinds, String decisionNumber,
                            boolean simpleProcedure, List<ClockPause> pauses, List<String> extensions,
                            String challenge, LocalDate challengedOn, LocalDate demandedOn, LocalDate demandDue,
                            LocalDate courtAppliedOn, LocalDate policeTransferredOn, String policeTransferReason) {

    public CaseProcedure {
        investigators = investigators == null ? List.of() : List.copyOf(investigators);
        proposedKinds = proposedKinds == null ? List.of() : List.copyOf(proposedKinds);
        decidedKinds = decidedKinds == null ? List.of() : List.copyOf(decidedKinds);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** The pause of the decision clock under way, if any. */
    public ClockPause openPause() {
        return pauses.isEmpty() || !pauses.get(pauses.size() - 1).isOpen() ? null : pauses.get(pauses.size() - 1);
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
        List<PenaltyKind> proposedKinds;
        List<PenaltyKind> decidedKinds;
        String decisionNumber;
        boolean simpleProcedure;
        List<ClockPause> pauses;
        List<String> extensions;
        String challenge;
        LocalDate challengedOn;
        LocalDate demandedOn;
        LocalDate demandDue;
        LocalDate courtAppliedOn;
        LocalDate policeTransferredOn;
        String policeTransferReason;

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
            proposedKinds = from.proposedKinds;
            decidedKinds = from.decidedKinds;
            decisionNumber = from.decisionNumber;
            simpleProcedure = from.simpleProcedure;
            pauses = from.pauses;
            extensions = from.extensions;
            challenge = from.challenge;
            challengedOn = from.challengedOn;
            demandedOn = from.demandedOn;
            demandDue = from.demandDue;
            courtAppliedOn = from.courtAppliedOn;
            policeTransferredOn = from.policeTransferredOn;
            policeTransferReason = from.policeTransferReason;
        }

        CaseProcedure build() {
            return new CaseProcedure(investigators, filedOn, decisionDue, reviewer, proposedFine, hearingRight,
                    noticeServedOn, hearingRequestDue, hearingRequestedOn, hearingChair, hearingOn, legalReviewer,
                    collectiveMinutes, outcome, decidedFine, decisionReason, decidedOn, serviceDue, servedOn,
                    paymentDue, paid, closedOn, notFiledReason, withdrawnOn, withdrawalReason, computedFine,
                    discretionVersion, deviationReason, proposedKinds, decidedKinds, decisionNumber, simpleProcedure,
                    pauses, extensions, challenge, challengedOn, demandedOn, demandDue, courtAppliedOn,
                    policeTransferredOn, policeTransferReason);
        }
    }

    static CaseProcedure empty() {
        return new CaseProcedure(List.of(), null, null, null, null, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, BigDecimal.ZERO, null, null, null, null, null, null,
                null, List.of(), List.of(), null, false, List.of(), List.of(), null, null, null, null, null, null,
                null);
    }
}
