package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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

    /** A transition's result: the next state, the event it causes, if any, and any further events it causes. */
    public record Transition(EnforcementCase next, CaseEvent event, List<CaseEvent> more) {

        public Transition {
            more = more == null ? List.of() : List.copyOf(more);
        }

        public Transition(EnforcementCase next, CaseEvent event) {
            this(next, event, List.of());
        }

        /** Every event the transition causes, in order. */
        public List<CaseEvent> events() {
            List<CaseEvent> all = new ArrayList<>();
            if (event != null) {
                all.add(event);
            }
            all.addAll(more);
            return all;
        }
    }

    /** The states before the decision, in which the decision clock runs. */
    private static final Set<CaseStatus> BEFORE_DECISION = EnumSet.of(CaseStatus.FILED, CaseStatus.INVESTIGATING,
            CaseStatus.CASE_REVIEW, CaseStatus.NOTICE_SERVED, CaseStatus.HEARING_REQUESTED, CaseStatus.HEARING,
            CaseStatus.LEGAL_REVIEW, CaseStatus.COLLECTIVE_DECISION);

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

    /**
     * ENF-CASE-SIMPLE-PROCEDURE: the simple procedure (当场处罚, 行政处罚法 Arts 51–52): the inspector pair files and
     * decides on the spot a fine up to the configured limit (a warning when the fine is zero), to be served on the
     * spot; a larger fine takes the ordinary procedure. Publishes {@code CaseFiled} and {@code PenaltyDecided} as the
     * ordinary procedure does.
     */
    public static Transition decideOnTheSpot(UUID id, CaseFacts facts, List<String> inspectors, BigDecimal fine,
                                             String reason, LocalDate decidedOn, String decisionNumber,
                                             CaseRules rules) {
        rules.requireWithinLimitation(facts);
        rules.requireInvestigators(inspectors);
        if (fine.signum() < 0 || !rules.simpleProcedureApplies(facts.party(), fine)) {
            throw new DomainException.RuleViolation("simple-procedure-limit", "fine", "a fine of "
                    + fine.toPlainString() + " is above what the simple procedure may impose on an "
                    + facts.party().name().toLowerCase(java.util.Locale.ROOT) + ": file it as an ordinary case");
        }
        List<PenaltyKind> kinds = List.of(fine.signum() > 0 ? PenaltyKind.FINE : PenaltyKind.WARNING);
        CaseProcedure.Builder procedure = CaseProcedure.empty().next();
        procedure.simpleProcedure = true;
        procedure.investigators = List.copyOf(inspectors);
        procedure.filedOn = decidedOn;
        procedure.decisionDue = decidedOn;
        procedure.proposedFine = fine;
        procedure.proposedKinds = kinds;
        procedure.outcome = Outcome.PENALTY;
        procedure.decidedFine = fine;
        procedure.decidedKinds = kinds;
        procedure.decisionNumber = decisionNumber;
        procedure.decisionReason = reason;
        procedure.decidedOn = decidedOn;
        procedure.serviceDue = decidedOn;
        EnforcementCase decided = new EnforcementCase(id, facts, CaseStatus.DECIDED, procedure.build(), 0);
        return new Transition(decided, new CaseEvent.CaseFiled(id, facts.enterpriseCode(), facts.clueId(),
                facts.violation(), decidedOn, decidedOn), List.of(new CaseEvent.PenaltyDecided(id,
                facts.enterpriseCode(), Outcome.PENALTY, fine, facts.violation(), facts.legalBasis(), facts.veto(),
                decidedOn, kinds)));
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
        return serveNotice(reviewer, proposedFine, List.of(), servedOn, rules);
    }

    /**
     * The notice with the kinds of penalty it proposes besides a fine (a fine above zero is always one of them);
     * ENF-CASE-REVOCATION: proposing 吊销 (or another kind the configuration names) gives the right to a hearing.
     */
    public Transition serveNotice(String reviewer, BigDecimal proposedFine, List<PenaltyKind> kinds,
                                  LocalDate servedOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.CASE_REVIEW), "serve the notice of");
        if (procedure.investigators().contains(reviewer)) {
            throw new DomainException.Forbidden("the case review is by someone who did not investigate the case");
        }
        CaseProcedure.Builder next = procedure.next();
        next.reviewer = reviewer;
        next.proposedFine = proposedFine;
        next.proposedKinds = withFine(kinds, proposedFine);
        next.hearingRight = rules.hearingRight(facts.party(), proposedFine, next.proposedKinds);
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
        return decide(outcome, fine, List.of(), null, reason, decidedOn, rules, discretion);
    }

    /**
     * The decision with its kinds of penalty and its number (决定书文号). ENF-CASE-NOT-ABOVE-NOTICE: no kind the
     * notice did not propose; ENF-CASE-REVOCATION: a decision that revokes the permit (吊销) also causes
     * {@code PermitRevocationDecided}, which permit-service applies with the decision as its legal basis.
     */
    public Transition decide(Outcome outcome, BigDecimal fine, List<PenaltyKind> kinds, String decisionNumber,
                             String reason, LocalDate decidedOn, CaseRules rules, Discretion discretion) {
        require(EnumSet.of(CaseStatus.NOTICE_SERVED, CaseStatus.HEARING, CaseStatus.LEGAL_REVIEW,
                CaseStatus.COLLECTIVE_DECISION), "decide");
        requireNoPendingHearingRequest(decidedOn);
        if (procedure.openPause() != null) {
            throw blocked("decision-clock-paused", "the decision clock of case " + id + " is paused for "
                    + procedure.openPause().reason() + " since " + procedure.openPause().startedOn()
                    + ": resume it first (POST " + stepPath("decision-clock/resumption") + ")",
                    "decision-clock/resumption");
        }
        boolean reviewRequired = facts.major() || procedure.hearingOn() != null;
        if (reviewRequired && procedure.legalReviewer() == null) {
            String step = status == CaseStatus.LEGAL_REVIEW ? "legal-review/approval" : "legal-review";
            throw blocked("legal-review-required", "case " + id + " is in state " + status + "; a decision needs"
                    + " legal review first (a major case, or one with a hearing): " + STEP_LABEL.get(step) + " (POST "
                    + stepPath(step) + ")", step);
        }
        if (facts.major() && procedure.collectiveMinutes() == null) {
            throw blocked("collective-decision-required", "case " + id + " is a major case, decided collectively:"
                    + " record the minutes first (POST " + stepPath("collective-decision") + ")",
                    "collective-decision");
        }
        BigDecimal amount = outcome == Outcome.PENALTY && fine != null ? fine : BigDecimal.ZERO;
        List<PenaltyKind> decidedKinds = outcome == Outcome.PENALTY ? withFine(kinds, amount) : List.of();
        if (outcome == Outcome.PENALTY && amount.signum() <= 0 && decidedKinds.isEmpty()) {
            throw new DomainException.RuleViolation("fine-required", "fine", "a penalty decision names its fine"
                    + " or the kinds of penalty it imposes");
        }
        List<PenaltyKind> proposed = procedure.proposedKinds().isEmpty()
                ? withFine(List.of(), procedure.proposedFine()) : procedure.proposedKinds();
        List<PenaltyKind> beyond = decidedKinds.stream().filter(kind -> kind != PenaltyKind.FINE
                && !proposed.contains(kind)).toList();
        if (!beyond.isEmpty()) {
            throw new DomainException.RuleViolation("exceeds-notice", "kinds", "the notice did not propose "
                    + beyond + ": serve a new notice first");
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
        next.decidedKinds = decidedKinds;
        next.decisionNumber = decisionNumber;
        next.decisionReason = reason;
        next.decidedOn = decidedOn;
        next.serviceDue = rules.serviceDue(decidedOn);
        List<CaseEvent> more = decidedKinds.contains(PenaltyKind.PERMIT_REVOCATION)
                ? List.of(new CaseEvent.PermitRevocationDecided(id, facts.enterpriseCode(), decisionNumber,
                        decidedOn, facts.legalBasis()))
                : List.of();
        return new Transition(with(CaseStatus.DECIDED, next.build()), new CaseEvent.PenaltyDecided(id,
                facts.enterpriseCode(), outcome, amount, facts.violation(), facts.legalBasis(), facts.veto(),
                decidedOn, decidedKinds), more);
    }

    /**
     * ENF-CASE-DECISION-PAUSE: the decision clock stops for a hearing, service, testing and the other reasons of
     * {@link PauseReason}, one pause at a time, only while the case is undecided.
     */
    public Transition pauseDecisionClock(PauseReason reason, LocalDate startedOn) {
        require(BEFORE_DECISION, "pause the decision clock of");
        if (procedure.openPause() != null) {
            throw new DomainException.Conflict("decision-clock-paused", "the decision clock of case " + id
                    + " is paused already (" + procedure.openPause().reason() + " since "
                    + procedure.openPause().startedOn() + ")");
        }
        if (startedOn.isBefore(procedure.filedOn())) {
            throw new DomainException.RuleViolation("pause-before-filing", "startedOn", "the clock starts on "
                    + procedure.filedOn() + "; it cannot pause before");
        }
        CaseProcedure.Builder next = procedure.next();
        List<ClockPause> pauses = new ArrayList<>(procedure.pauses());
        pauses.add(new ClockPause(reason, startedOn, null));
        next.pauses = pauses;
        return new Transition(with(status, next.build()), new CaseEvent.DecisionClockPaused(id,
                facts.enterpriseCode(), reason, startedOn));
    }

    /** ENF-CASE-DECISION-PAUSE: the clock runs again; the decision is due later by the calendar days it stood. */
    public Transition resumeDecisionClock(LocalDate endedOn) {
        require(BEFORE_DECISION, "resume the decision clock of");
        ClockPause open = procedure.openPause();
        if (open == null) {
            throw new DomainException.Conflict("decision-clock-running", "the decision clock of case " + id
                    + " is not paused");
        }
        if (endedOn.isBefore(open.startedOn())) {
            throw new DomainException.RuleViolation("pause-ends-before-start", "endedOn", "the pause started on "
                    + open.startedOn());
        }
        ClockPause closed = new ClockPause(open.reason(), open.startedOn(), endedOn);
        CaseProcedure.Builder next = procedure.next();
        List<ClockPause> pauses = new ArrayList<>(procedure.pauses());
        pauses.set(pauses.size() - 1, closed);
        next.pauses = pauses;
        next.decisionDue = procedure.decisionDue().plusDays(closed.days());
        return new Transition(with(status, next.build()), new CaseEvent.DecisionClockResumed(id,
                facts.enterpriseCode(), open.reason(), endedOn, closed.days(), next.decisionDue));
    }

    /**
     * ENF-CASE-DECISION-EXTENSION: the decision period is extended by 30 days with the head's approval, before it
     * runs out; the last extension allowed only on a collective decision, whose minutes are cited.
     */
    public Transition extendDecisionPeriod(String approval, String collectiveMinutes, LocalDate on,
                                           CaseRules rules) {
        require(BEFORE_DECISION, "extend the decision period of");
        int done = procedure.extensions().size();
        if (done >= rules.decisionExtensions()) {
            throw new DomainException.Conflict("no-more-extensions", "the decision period of case " + id
                    + " was extended " + done + " times already, the most there may be");
        }
        if (on.isAfter(procedure.decisionDue())) {
            throw new DomainException.RuleViolation("decision-period-expired", "on", "the decision was due on "
                    + procedure.decisionDue() + ": a period is extended before it runs out");
        }
        boolean last = done + 1 == rules.decisionExtensions() && done > 0;
        if (last && (collectiveMinutes == null || collectiveMinutes.isBlank())) {
            throw new DomainException.RuleViolation("collective-extension-required", "collectiveMinutes",
                    "a further extension is decided collectively: cite the minutes");
        }
        CaseProcedure.Builder next = procedure.next();
        List<String> extensions = new ArrayList<>(procedure.extensions());
        extensions.add(last ? approval + " (" + collectiveMinutes + ")" : approval);
        next.extensions = extensions;
        next.decisionDue = procedure.decisionDue().plusDays(rules.decisionExtensionDays());
        return new Transition(with(status, next.build()), new CaseEvent.DecisionPeriodExtended(id,
                facts.enterpriseCode(), extensions.size(), next.decisionDue));
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
            throw blocked("nothing-to-execute", "the decision of case " + id + " has no fine: it is closed"
                    + " (POST " + stepPath("closure") + "), not executed", null);
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

    /**
     * ENF-CASE-FORCED-EXECUTION: the party contests the decision (applies for review or sues); while it does, the
     * bureau does not apply to the court.
     */
    public Transition recordChallenge(String challenge, LocalDate filedOn) {
        require(EnumSet.of(CaseStatus.SERVED, CaseStatus.EXECUTING), "record a challenge to");
        if (procedure.challengedOn() != null) {
            throw new DomainException.Conflict("challenged-already", "case " + id + " was contested on "
                    + procedure.challengedOn());
        }
        CaseProcedure.Builder next = procedure.next();
        next.challenge = challenge;
        next.challengedOn = filedOn;
        return new Transition(with(status, next.build()), new CaseEvent.DecisionChallenged(id,
                facts.enterpriseCode(), challenge, filedOn));
    }

    /**
     * ENF-CASE-FORCED-EXECUTION: a fine still unpaid and not contested when the review and lawsuit periods have run
     * out gets a written demand (催告) with at least 10 days to pay, once.
     */
    public Transition demandPayment(int periodDays, LocalDate demandedOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.EXECUTING), "send a written demand in");
        requireUncontested();
        if (procedure.demandedOn() != null) {
            throw new DomainException.Conflict("demanded-already", "the written demand of case " + id
                    + " was sent on " + procedure.demandedOn());
        }
        LocalDate earliest = rules.earliestDemand(procedure.servedOn());
        if (demandedOn.isBefore(earliest)) {
            throw new DomainException.RuleViolation("demand-too-early", "demandedOn", "the party may still apply"
                    + " for review or sue: a written demand comes on " + earliest + " at the earliest");
        }
        rules.requireDemandPeriod(periodDays);
        CaseProcedure.Builder next = procedure.next();
        next.demandedOn = demandedOn;
        next.demandDue = demandedOn.plusDays(periodDays);
        return new Transition(with(status, next.build()), new CaseEvent.PaymentDemanded(id, facts.enterpriseCode(),
                demandedOn, next.demandDue));
    }

    /**
     * ENF-CASE-FORCED-EXECUTION: after the demand's period has run out unpaid, the bureau applies to the court for
     * enforcement (申请人民法院强制执行), within 3 months of the end of the lawsuit period.
     */
    public Transition applyToCourt(LocalDate appliedOn, CaseRules rules) {
        require(EnumSet.of(CaseStatus.EXECUTING), "apply to the court in");
        requireUncontested();
        if (procedure.demandedOn() == null || !appliedOn.isAfter(procedure.demandDue())) {
            throw blocked("demand-pending", procedure.demandedOn() == null
                    ? "case " + id + " has no written demand yet: send the written demand (催告) first (POST "
                    + stepPath("execution/demand") + ")"
                    : "the written demand of case " + id + " gives until " + procedure.demandDue() + " to pay",
                    procedure.demandedOn() == null ? "execution/demand" : null);
        }
        if (procedure.courtAppliedOn() != null) {
            throw new DomainException.Conflict("court-applied-already", "case " + id + " went to the court on "
                    + procedure.courtAppliedOn());
        }
        LocalDate due = rules.courtApplicationDue(procedure.servedOn());
        if (appliedOn.isAfter(due)) {
            throw new DomainException.RuleViolation("court-application-late", "appliedOn", "the court was to be"
                    + " applied to by " + due + " (3 months after the lawsuit period)");
        }
        CaseProcedure.Builder next = procedure.next();
        next.courtAppliedOn = appliedOn;
        return new Transition(with(status, next.build()), new CaseEvent.CourtEnforcementApplied(id,
                facts.enterpriseCode(), appliedOn, procedure.decidedFine().subtract(procedure.paid())));
    }

    /**
     * ENF-CASE-POLICE-TRANSFER: a case that may be a crime, or calls for detention (行政拘留), is transferred to the
     * police (移送公安) once, from filing until the case closes; the case itself goes on.
     */
    public Transition transferToPolice(String reason, LocalDate transferredOn) {
        require(EnumSet.complementOf(EnumSet.of(CaseStatus.NOT_FILED, CaseStatus.CLOSED, CaseStatus.ARCHIVED)),
                "transfer to the police");
        if (procedure.policeTransferredOn() != null) {
            throw new DomainException.Conflict("transferred-already", "case " + id + " was transferred to the"
                    + " police on " + procedure.policeTransferredOn());
        }
        CaseProcedure.Builder next = procedure.next();
        next.policeTransferredOn = transferredOn;
        next.policeTransferReason = reason;
        return new Transition(with(status, next.build()), new CaseEvent.CaseTransferredToPolice(id,
                facts.enterpriseCode(), reason, transferredOn));
    }

    /** A served decision without a fine (no penalty, referral) closes the case. */
    public Transition close(LocalDate closedOn) {
        require(EnumSet.of(CaseStatus.SERVED), "close");
        if (procedure.outcome() == Outcome.PENALTY) {
            throw blocked("fine-unpaid", "case " + id + " has a fine of " + procedure.decidedFine()
                    + "; it closes when the fine is paid: execute the decision (POST " + stepPath("execution")
                    + ") and record the payment", "execution");
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
                return procedure.paymentDue();
            case EXECUTING:
                return procedure.demandedOn() != null && procedure.courtAppliedOn() == null
                        ? procedure.demandDue() : procedure.paymentDue();
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
            throw blocked("hearing-window-open", "the party to case " + id + " may request a hearing until "
                    + procedure.hearingRequestDue() + ": decide after that day", null);
        }
    }

    private void requireUncontested() {
        if (procedure.challengedOn() != null) {
            throw blocked("decision-contested", "the party contested the decision of case " + id + " on "
                    + procedure.challengedOn() + " (" + procedure.challenge() + "): no forced execution meanwhile",
                    null);
        }
    }

    /** The kinds with a fine among them exactly when the amount is above zero. */
    private static List<PenaltyKind> withFine(List<PenaltyKind> kinds, BigDecimal fine) {
        List<PenaltyKind> all = new ArrayList<>();
        if (fine != null && fine.signum() > 0) {
            all.add(PenaltyKind.FINE);
        }
        kinds.stream().filter(kind -> kind != PenaltyKind.FINE && !all.contains(kind)).forEach(all::add);
        return List.copyOf(all);
    }

    private EnforcementCase with(CaseStatus next, CaseProcedure nextProcedure) {
        return new EnforcementCase(id, facts, next, nextProcedure, version);
    }

    /**
     * Refuses a step the case is not in a state for; a step asked for before the one the procedure needs next names
     * that step, the one that comes first, with its path (API-CONFLICTS-NAME-THE-BLOCKER).
     */
    private void require(Set<CaseStatus> from, String action) {
        if (!from.contains(status)) {
            String detail = "cannot " + action + " case " + id + " in state " + status + " (needs " + from + ")";
            String step = stepFirst(from);
            throw blocked("invalid-transition", step == null ? detail : detail + "; " + STEP_LABEL.get(step)
                    + " first (POST " + stepPath(step) + ")", step);
        }
    }

    /** A conflict that names this case and its state, and the step that comes first when one does. */
    private DomainException.Conflict blocked(String code, String detail, @Nullable String step) {
        return new DomainException.Conflict(code, detail, new DomainException.Blocker("case", id, status), step);
    }

    private String stepPath(String step) {
        return "/api/enforcement/cases/" + id + "/" + step;
    }

    /** The ordinary procedure in order; the states beside it stand at the place of the one they branch from. */
    private static final List<CaseStatus> LINE = List.of(CaseStatus.FILED, CaseStatus.INVESTIGATING,
            CaseStatus.CASE_REVIEW, CaseStatus.NOTICE_SERVED, CaseStatus.LEGAL_REVIEW, CaseStatus.DECIDED,
            CaseStatus.SERVED, CaseStatus.EXECUTING, CaseStatus.CLOSED, CaseStatus.ARCHIVED);
    private static final java.util.Map<String, String> STEP_LABEL = java.util.Map.ofEntries(
            java.util.Map.entry("investigation", "start the investigation"),
            java.util.Map.entry("review", "send it for case review"),
            java.util.Map.entry("notice", "serve the notice"),
            java.util.Map.entry("hearing", "schedule the hearing"),
            java.util.Map.entry("legal-review", "send it for legal review"),
            java.util.Map.entry("legal-review/approval", "pass the legal review"),
            java.util.Map.entry("collective-decision", "record the collective decision"),
            java.util.Map.entry("decision", "decide it"),
            java.util.Map.entry("service", "serve the decision"),
            java.util.Map.entry("execution", "execute the decision"),
            java.util.Map.entry("closure", "close it"),
            java.util.Map.entry("payments", "record the payment of the fine"));

    private static int placeOf(CaseStatus state) {
        if (state == CaseStatus.HEARING_REQUESTED || state == CaseStatus.HEARING) {
            return LINE.indexOf(CaseStatus.NOTICE_SERVED);
        }
        return LINE.indexOf(state == CaseStatus.COLLECTIVE_DECISION ? CaseStatus.LEGAL_REVIEW : state);
    }

    /**
     * The step due next (a path below the case) when the case is earlier in the procedure than every state the
     * asked step starts from; null when it is past it, or off the line (not filed).
     */
    @Nullable String stepFirst(Set<CaseStatus> allowed) {
        int at = placeOf(status);
        int needed = allowed.stream().mapToInt(EnforcementCase::placeOf).filter(i -> i >= 0).min().orElse(-1);
        if (at < 0 || needed < 0 || at >= needed) {
            return null;
        }
        switch (status) {
            case FILED: return "investigation";
            case INVESTIGATING: return "review";
            case CASE_REVIEW: return "notice";
            case HEARING_REQUESTED: return "hearing";
            case NOTICE_SERVED:
            case HEARING:
                return needed == LINE.indexOf(CaseStatus.LEGAL_REVIEW) ? "legal-review" : "decision";
            case LEGAL_REVIEW: return procedure.legalReviewer() == null ? "legal-review/approval" : "decision";
            case COLLECTIVE_DECISION: return procedure.collectiveMinutes() == null ? "collective-decision" : "decision";
            case DECIDED: return "service";
            case SERVED: return procedure.outcome() == Outcome.PENALTY ? "execution" : "closure";
            case EXECUTING: return "payments";
            default: return null;
        }
    }
}
