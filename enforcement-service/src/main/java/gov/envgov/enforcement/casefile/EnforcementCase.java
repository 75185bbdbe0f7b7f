package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/**
 * An enforcement case through the ordinary procedure: {@code FILED | NOT_FILED → INVESTIGATING → CASE_REVIEW →
 * NOTICE_SERVED → [HEARING_REQUESTED → HEARING] → [LEGAL_REVIEW] → [COLLECTIVE_DECISION] → DECIDED → SERVED →
 * EXECUTING → CLOSED → ARCHIVED}. Immutable; each transition checks the state it starts from and the people and
 * amounts the law requires, and returns the event it causes (or none). Dates come from {@link CaseRules}.
 */
public record EnforcementCase(UUID id, CaseFacts facts, CaseStatus status, CaseProcedure procedure, long version) {

    /** What the discretion table computed for the decision, and why the decision differs from it, if it does. */
    public record Discretion(String version, BigDecimal computedFine, String deviationReason) {
    }

    /** A transition's result: the next state and the event it causes, if any. */
    public record Transition(EnforcementCase next, CaseEvent event) {
    }

    /** ENF-CASE-FILE: a clue becomes a case, with two investigators and its decision clock. */
    public static Transition file(UUID id, CaseFacts facts, List<String> investigators, LocalDate filedOn,
                                  CaseRules rules) {
        rules.requireWithinLimitation(facts);
        rules.requireInvestigators(investigators);
        CaseProcedure.Builder procedure = CaseProcedure.empty().next();
        procedure.investigators = List.copyOf(investigators);
        procedure.filedOn = filedOn;
        procedure.decisionDue = rules.decisionDue(filedOn);
        EnforcementCase filed = new EnforcementCase(id, facts, CaseStatus.FILED, procedure.build(), 0);
        return new Transition(filed, new CaseEvent.CaseFiled(id, facts.enterpriseCode(), facts.clueId(),
                facts.violation(), filedOn, procedure.decisionDue));
    }

    /** A clue that does not become a case is recorded with the reason. */
    public static Transition notFiled(UUID id, CaseFacts facts, String reason) {
        CaseProcedure.Builder procedure = CaseProcedure.empty().next();
        procedure.notFiledReason = reason;
        EnforcementCase notFiled = new EnforcementCase(id, facts, CaseStatus.NOT_FILED, procedure.build(), 0);
        return new Transition(notFiled, new CaseEvent.CaseNotFiled(id, facts.enterpriseCode(), facts.clueId(),
                reason));
    }

    public Transition startInvestigation() {
        require(EnumSet.of(CaseStatus.FILED), "start the investigation of");
        return new Transition(with(CaseStatus.INVESTIGATING, procedure), null);
    }

    public Transition requestReview() {
        require(EnumSet.of(CaseStatus.INVESTIGATING), "send for case review");
        return new Transition(with(CaseStatus.CASE_REVIEW, procedure), null);
    }

    /**
     * ENF-CASE-REVIEWER: the case review is done by someone who did not investigate; the notice (告知) states the
     * proposed penalty and, where the amount gives one, the right to a hearing.
     */
    public Transition serveNotice(String reviewer, BigDecimal proposedFine, LocalDate servedOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.CASE_REVIEW), "serve the notice of");
        if (procedure.investigators().contains(reviewer)) {
            throw new DomainException.Forbidden("the case review is by someone who did not investigate the case");
        }
        CaseProcedure.Builder next = procedure.next();
        next.reviewer = reviewer;
        next.proposedFine = proposedFine;
        next.hearingRight = rules.hearingRight(facts.party(), proposedFine);
        next.noticeServedOn = servedOn;
        next.hearingRequestDue = next.hearingRight ? rules.hearingRequestDue(servedOn) : null;
        return new Transition(with(CaseStatus.NOTICE_SERVED, next.build()), new CaseEvent.NoticeServed(id,
                facts.enterpriseCode(), proposedFine, next.hearingRight, next.hearingRequestDue));
    }

    /** ENF-CASE-HEARING-REQUEST: only with a hearing right, and within 5 working days of the notice. */
    public Transition requestHearing(LocalDate requestedOn) {
        require(EnumSet.of(CaseStatus.NOTICE_SERVED), "request a hearing in");
        if (!procedure.hearingRight()) {
            throw new DomainException.RuleViolation("no-hearing-right", "proposedFine", "a proposed fine of "
                    + procedure.proposedFine() + " gives no right to a hearing");
        }
        if (requestedOn.isAfter(procedure.hearingRequestDue())) {
            throw new DomainException.RuleViolation("hearing-request-late", "requestedOn", "a hearing was to be"
                    + " requested by " + procedure.hearingRequestDue() + " (5 working days after the notice)");
        }
        CaseProcedure.Builder next = procedure.next();
        next.hearingRequestedOn = requestedOn;
        return new Transition(with(CaseStatus.HEARING_REQUESTED, next.build()),
                new CaseEvent.HearingRequested(id, facts.enterpriseCode(), requestedOn));
    }

    /** ENF-CASE-HEARING-CHAIR and ENF-CASE-HEARING-NOTICE: a non-investigator chairs, notified 7 working days ahead. */
    public Transition scheduleHearing(String chair, LocalDate hearingOn, LocalDate notifiedOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.HEARING_REQUESTED), "schedule the hearing of");
        if (procedure.investigators().contains(chair)) {
            throw new DomainException.Forbidden("a hearing is chaired by someone who did not investigate the case");
        }
        LocalDate earliest = rules.earliestHearing(notifiedOn);
        if (hearingOn.isBefore(earliest)) {
            throw new DomainException.RuleViolation("hearing-too-soon", "hearingOn", "notified on " + notifiedOn
                    + ", the hearing can be on " + earliest + " at the earliest (7 working days' notice)");
        }
        CaseProcedure.Builder next = procedure.next();
        next.hearingChair = chair;
        next.hearingOn = hearingOn;
        return new Transition(with(CaseStatus.HEARING, next.build()),
                new CaseEvent.HearingScheduled(id, facts.enterpriseCode(), hearingOn));
    }

    /** Legal review (法制审核) before the decision: after the notice (without a hearing) or after the hearing. */
    public Transition requestLegalReview(LocalDate today) {
        require(EnumSet.of(CaseStatus.NOTICE_SERVED, CaseStatus.HEARING), "send for legal review");
        requireNoPendingHearingRequest(today);
        return new Transition(with(CaseStatus.LEGAL_REVIEW, procedure), null);
    }

    /** ENF-CASE-LEGAL-REVIEW: by a legal reviewer who did not investigate; a major case then goes collective. */
    public Transition passLegalReview(String legalReviewer) {
        require(EnumSet.of(CaseStatus.LEGAL_REVIEW), "pass the legal review of");
        if (procedure.investigators().contains(legalReviewer)) {
            throw new DomainException.Forbidden("the legal review is by someone who did not investigate the case");
        }
        CaseProcedure.Builder next = procedure.next();
        next.legalReviewer = legalReviewer;
        return new Transition(with(facts.major() ? CaseStatus.COLLECTIVE_DECISION : CaseStatus.LEGAL_REVIEW,
                next.build()), null);
    }

    /** A major case is decided by the bureau's leaders collectively (集体讨论); the minutes are cited. */
    public Transition recordCollectiveDecision(String minutes) {
        require(EnumSet.of(CaseStatus.COLLECTIVE_DECISION), "record the collective decision of");
        CaseProcedure.Builder next = procedure.next();
        next.collectiveMinutes = minutes;
        return new Transition(with(CaseStatus.COLLECTIVE_DECISION, next.build()), null);
    }

    /**
     * The decision. ENF-CASE-NO-DECISION-WITHOUT-REVIEW: a major case or one with a hearing is decided only after
     * its legal review (and a major one after its collective decision); ENF-CASE-NOT-ABOVE-NOTICE: the fine never
     * exceeds what the notice proposed.
     */
    public Transition decide(Outcome outcome, BigDecimal fine, String reason, LocalDate decidedOn, CaseRules rules) {
        return decide(outcome, fine, reason, decidedOn, rules, null);
    }

    /**
     * The decision with the discretion table's result stored beside it. ENF-DISCRETION-DEVIATION: a fine other than
     * the computed one needs a written reason for the difference.
     */
    public Transition decide(Outcome outcome, BigDecimal fine, String reason, LocalDate decidedOn, CaseRules rules,
                             Discretion discretion) {
        require(EnumSet.of(CaseStatus.NOTICE_SERVED, CaseStatus.HEARING, CaseStatus.LEGAL_REVIEW,
                CaseStatus.COLLECTIVE_DECISION), "decide");
        requireNoPendingHearingRequest(decidedOn);
        boolean reviewRequired = facts.major() || procedure.hearingOn() != null;
        if (reviewRequired && procedure.legalReviewer() == null) {
            throw new DomainException.Conflict("legal-review-required", "case " + id + " is decided only after its"
                    + " legal review (a major case, or one with a hearing)");
        }
        if (facts.major() && procedure.collectiveMinutes() == null) {
            throw new DomainException.Conflict("collective-decision-required", "a major case is decided"
                    + " collectively: record the minutes first");
        }
        BigDecimal amount = outcome == Outcome.PENALTY ? fine : BigDecimal.ZERO;
        if (outcome == Outcome.PENALTY && (fine == null || fine.signum() <= 0)) {
            throw new DomainException.RuleViolation("fine-required", "fine", "a penalty decision names its fine");
        }
        if (amount.compareTo(procedure.proposedFine()) > 0) {
            throw new DomainException.RuleViolation("exceeds-notice", "fine", "the fine " + amount + " exceeds the "
                    + procedure.proposedFine() + " the notice proposed: serve a new notice first");
        }
        if (discretion != null && discretion.computedFine().compareTo(amount) != 0
                && (discretion.deviationReason() == null || discretion.deviationReason().isBlank())) {
            throw new DomainException.RuleViolation("deviation-reason-required", "deviationReason", "the table "
                    + discretion.version() + " gives " + discretion.computedFine().toPlainString() + ", the decision "
                    + amount.toPlainString() + ": state why they differ");
        }
        CaseProcedure.Builder next = procedure.next();
        if (discretion != null) {
            next.computedFine = discretion.computedFine();
            next.discretionVersion = discretion.version();
            next.deviationReason = discretion.deviationReason();
        }
        next.outcome = outcome;
        next.decidedFine = amount;
        next.decisionReason = reason;
        next.decidedOn = decidedOn;
        next.serviceDue = rules.serviceDue(decidedOn);
        return new Transition(with(CaseStatus.DECIDED, next.build()), new CaseEvent.PenaltyDecided(id,
                facts.enterpriseCode(), outcome, amount, facts.violation(), facts.legalBasis(), facts.veto(),
                decidedOn));
    }

    /** ENF-CASE-SERVICE: the decision is served; a fine is then due within 15 days. */
    public Transition serve(LocalDate servedOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.DECIDED), "serve the decision of");
        CaseProcedure.Builder next = procedure.next();
        next.servedOn = servedOn;
        next.paymentDue = procedure.outcome() == Outcome.PENALTY ? rules.paymentDue(servedOn) : null;
        return new Transition(with(CaseStatus.SERVED, next.build()), new CaseEvent.DecisionServed(id,
                facts.enterpriseCode(), servedOn, next.paymentDue));
    }

    public Transition startExecution() {
        require(EnumSet.of(CaseStatus.SERVED), "execute the decision of");
        if (procedure.outcome() != Outcome.PENALTY) {
            throw new DomainException.Conflict("nothing-to-execute", "a decision without a fine is closed, not"
                    + " executed");
        }
        return new Transition(with(CaseStatus.EXECUTING, procedure), null);
    }

    /**
     * A payment. ENF-CASE-LATE-SURCHARGE: after the due date the fine carries 3 % a day, capped at the fine; the
     * case closes once fine and surcharge are paid.
     */
    public Transition recordPayment(BigDecimal amount, LocalDate paidOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.EXECUTING), "record a payment in");
        BigDecimal surcharge = rules.surcharge(procedure.decidedFine(), procedure.paymentDue(), paidOn);
        BigDecimal owed = procedure.decidedFine().add(surcharge);
        CaseProcedure.Builder next = procedure.next();
        next.paid = procedure.paid().add(amount);
        if (next.paid.compareTo(owed) < 0) {
            return new Transition(with(CaseStatus.EXECUTING, next.build()), null);
        }
        next.closedOn = paidOn;
        return new Transition(with(CaseStatus.CLOSED, next.build()), new CaseEvent.PenaltyPaid(id,
                facts.enterpriseCode(), procedure.decidedFine(), surcharge, paidOn));
    }

    /** A served decision without a fine (no penalty, referral) closes the case. */
    public Transition close(LocalDate closedOn) {
        require(EnumSet.of(CaseStatus.SERVED), "close");
        if (procedure.outcome() == Outcome.PENALTY) {
            throw new DomainException.Conflict("fine-unpaid", "a case with a fine closes when it is paid");
        }
        CaseProcedure.Builder next = procedure.next();
        next.closedOn = closedOn;
        return new Transition(with(CaseStatus.CLOSED, next.build()), new CaseEvent.CaseClosed(id,
                facts.enterpriseCode(), closedOn));
    }

    /**
     * ENF-PUBLISH-WITHDRAWAL: a penalty decision changed or annulled (复议, 诉讼, 自行纠正) is withdrawn; the case
     * closes, and credit takes its record back.
     */
    public Transition withdrawDecision(String reason, LocalDate withdrawnOn) {
        require(EnumSet.of(CaseStatus.DECIDED, CaseStatus.SERVED, CaseStatus.EXECUTING, CaseStatus.CLOSED),
                "withdraw the decision of");
        if (procedure.outcome() != Outcome.PENALTY || procedure.withdrawnOn() != null) {
            throw new DomainException.Conflict("nothing-to-withdraw", "case " + id + " has no penalty decision in"
                    + " force to withdraw");
        }
        CaseProcedure.Builder next = procedure.next();
        next.withdrawnOn = withdrawnOn;
        next.withdrawalReason = reason;
        next.closedOn = procedure.closedOn() == null ? withdrawnOn : procedure.closedOn();
        return new Transition(with(CaseStatus.CLOSED, next.build()), new CaseEvent.DecisionWithdrawn(id,
                facts.enterpriseCode(), reason, withdrawnOn));
    }

    public Transition archive() {
        require(EnumSet.of(CaseStatus.CLOSED), "archive");
        return new Transition(with(CaseStatus.ARCHIVED, procedure), null);
    }

    /** The next deadline the case must meet: the decision, its service, or the payment; none once it is over. */
    public LocalDate nextDue() {
        switch (status) {
            case DECIDED:
                return procedure.serviceDue();
            case SERVED:
            case EXECUTING:
                return procedure.paymentDue();
            case CLOSED:
            case ARCHIVED:
            case NOT_FILED:
                return null;
            default:
                return procedure.decisionDue();
        }
    }

    public boolean isInvestigator(String username) {
        return procedure.investigators().contains(username);
    }

    /** While a hearing may still be requested, nothing is decided (ENF-CASE-HEARING-REQUEST). */
    private void requireNoPendingHearingRequest(LocalDate today) {
        if (status == CaseStatus.NOTICE_SERVED && procedure.hearingRight()
                && !today.isAfter(procedure.hearingRequestDue())) {
            throw new DomainException.Conflict("hearing-window-open", "the party may request a hearing until "
                    + procedure.hearingRequestDue() + ": decide after that day");
        }
    }

    private EnforcementCase with(CaseStatus next, CaseProcedure nextProcedure) {
        return new EnforcementCase(id, facts, next, nextProcedure, version);
    }

    private void require(Set<CaseStatus> from, String action) {
        if (!from.contains(status)) {
            throw new DomainException.Conflict("invalid-transition", "cannot " + action + " case " + id
                    + " in state " + status + " (needs " + from + ")");
        }
    }
}
