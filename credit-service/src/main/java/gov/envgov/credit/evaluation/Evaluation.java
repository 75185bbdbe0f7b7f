package gov.envgov.credit.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/**
 * The evaluation of one period: computed once under the scheme version in force, its preliminary result frozen and
 * published for objections, approved once every objection is answered and the window has closed, then published as
 * final within the working days the rules give. Immutable; each transition checks the state it starts from and
 * returns the events it causes.
 *
 * @param objectionEnds the last day objections are taken
 * @param finalDue      the last day of final publication (set on approval)
 */
public record Evaluation(UUID id, int period, String schemeVersion, EvaluationStatus status, LocalDate preliminaryOn,
                         LocalDate objectionEnds, LocalDate approvedOn, String approvedBy, LocalDate finalDue,
                         LocalDate publishedOn, String startedBy, long version) {

    public record Transition(Evaluation next, List<EvaluationEvent> events) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    public static Transition start(UUID id, int period, String schemeVersion, int subjects, LocalDate today,
                                   EvaluationRules rules, String actor) {
        LocalDate ends = rules.objectionEnds(today);
        Evaluation started = new Evaluation(id, period, schemeVersion, EvaluationStatus.PRELIMINARY, today, ends,
                null, null, null, null, actor, 0);
        return new Transition(started, List.of(new EvaluationEvent.PreliminaryResultPublished(id,
                String.valueOf(period), schemeVersion, subjects, ends)));
    }

    /** CRD-EVAL-OBJECTION-WINDOW: objections are taken while the result is preliminary, up to the window's end. */
    public boolean acceptsObjections(LocalDate today) {
        return status == EvaluationStatus.PRELIMINARY && !today.isAfter(objectionEnds);
    }

    public void requireObjectionsTaken(LocalDate today) {
        if (!acceptsObjections(today)) {
            throw new DomainException.Conflict("objection-window-closed", "objections to the " + period
                    + " result were taken until " + objectionEnds + (status == EvaluationStatus.PRELIMINARY ? ""
                    : "; the result is " + status), blocker(), null);
        }
    }

    /** Objections are answered while the result is preliminary (also after the window, until approval). */
    public void requireAnswerable() {
        require(EvaluationStatus.PRELIMINARY, "answer objections to");
    }

    /** CRD-EVAL-APPROVAL: only after the window has closed and with every objection answered. */
    public Transition approve(LocalDate today, long openObjections, EvaluationRules rules, String officer) {
        require(EvaluationStatus.PRELIMINARY, "approve");
        if (!today.isAfter(objectionEnds)) {
            throw new DomainException.Conflict("objection-window-open", "objections to the " + period
                    + " result are taken until " + objectionEnds + "; approve after that day", blocker(), null);
        }
        if (openObjections > 0) {
            throw new DomainException.Conflict("objections-open", openObjections
                    + " objection(s) to the " + period + " result are not answered yet; answer them first (GET"
                    + " /api/credit/objections lists them)", blocker(), "answer");
        }
        LocalDate due = rules.finalDue(today);
        Evaluation approved = new Evaluation(id, period, schemeVersion, EvaluationStatus.APPROVED, preliminaryOn,
                objectionEnds, today, officer, due, null, startedBy, version);
        return new Transition(approved, List.of(new EvaluationEvent.EvaluationApproved(id, String.valueOf(period),
                today, due)));
    }

    /** Final publication: every subject's current grade goes on the feed. */
    public Transition publish(LocalDate today, List<CreditResult> current) {
        require(EvaluationStatus.APPROVED, "publish");
        Evaluation published = new Evaluation(id, period, schemeVersion, EvaluationStatus.FINAL, preliminaryOn,
                objectionEnds, approvedOn, approvedBy, finalDue, today, startedBy, version);
        return new Transition(published, current.stream()
                .<EvaluationEvent>map(EvaluationEvent.CreditGradePublished::of).toList());
    }

    /** The final publication is due and the clock publishes it (CRD-EVAL-FINAL-PUBLICATION). */
    public boolean isPublicationDue(LocalDate today) {
        return status == EvaluationStatus.APPROVED && !today.isBefore(finalDue);
    }

    /**
     * Refuses a step the evaluation is not in a state for; publishing before the approval names the approval as the
     * step that comes first (API-CONFLICTS-NAME-THE-BLOCKER).
     */
    private void require(EvaluationStatus expected, String action) {
        if (status != expected) {
            String detail = "cannot " + action + " the " + period + " evaluation in state " + status + " (needs "
                    + expected + ")";
            boolean approveFirst = status == EvaluationStatus.PRELIMINARY && expected == EvaluationStatus.APPROVED;
            throw new DomainException.Conflict("invalid-transition", approveFirst ? detail
                    + "; approve it first (POST /api/credit/evaluations/" + period + "/approval)" : detail,
                    blocker(), approveFirst ? "approval" : null);
        }
    }

    private DomainException.Blocker blocker() {
        return new DomainException.Blocker("evaluation", period, status);
    }
}
