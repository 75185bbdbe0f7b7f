package gov.envgov.enforcement.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import gov.envgov.enforcement.casefile.CaseStatus;
import gov.envgov.enforcement.casefile.EnforcementCase;
import gov.envgov.enforcement.casefile.Outcome;
import gov.envgov.support.domain.DomainException;

/**
 * A side measure of a case: a daily continuous penalty, sealing or a production limit, each with its clock
 * ({@link #nextDue}). Immutable; each transition checks the kind and state it starts from and returns its event.
 *
 * @param endsOn the last day sealing or a limit may last; null for a daily penalty
 * @param originalFine the fine of the decision a daily penalty multiplies; null otherwise
 * @param periodStart the day the current order to correct was served (the day after it counts first)
 * @param reinspectionDue the last day to re-inspect under the current order
 * @param total what the daily penalty has added so far, across re-inspections, without cap
 */
public record SideMeasure(UUID id, UUID caseId, String enterpriseCode, MeasureKind kind, MeasureStatus status,
                          LocalDate startedOn, LocalDate endsOn, boolean extended, long testingDays,
                          BigDecimal originalFine, LocalDate periodStart, LocalDate reinspectionDue,
                          List<Reinspection> reinspections, BigDecimal total, LocalDate endedOn, String endReason,
                          long version) {

    public SideMeasure {
        reinspections = reinspections == null ? List.of() : List.copyOf(reinspections);
        total = total == null ? BigDecimal.ZERO : total;
    }

    /** A transition's result: the next state and the event it causes. */
    public record Transition(SideMeasure next, MeasureEvent event) {
    }

    /**
     * ENF-MEASURE-DAILY-SCOPE: after a penalty decided for a listed violation, an order to correct is served; the
     * covert re-inspection is due within 30 days.
     */
    public static Transition dailyPenalty(UUID id, EnforcementCase decided, LocalDate orderServedOn,
                                          MeasureRules rules) {
        rules.requireDailyPenaltyApplies(decided.facts().violation());
        if (decided.procedure().outcome() != Outcome.PENALTY || decided.procedure().withdrawnOn() != null) {
            throw new DomainException.Conflict("no-penalty-decided", "a daily continuous penalty multiplies the"
                    + " fine of a penalty decision in force; case " + decided.id() + " has none");
        }
        if (orderServedOn.isBefore(decided.procedure().decidedOn())) {
            throw new DomainException.RuleViolation("order-before-decision", "orderServedOn", "the order to"
                    + " correct is served with or after the decision of " + decided.procedure().decidedOn());
        }
        LocalDate due = rules.reinspectionDue(orderServedOn);
        SideMeasure measure = new SideMeasure(id, decided.id(), decided.facts().enterpriseCode(),
                MeasureKind.DAILY_PENALTY, MeasureStatus.ACTIVE, orderServedOn, null, false, 0,
                decided.procedure().decidedFine(), orderServedOn, due, List.of(), BigDecimal.ZERO, null, null, 0);
        return new Transition(measure, started(measure, due));
    }

    /** ENF-MEASURE-SEALING and ENF-MEASURE-PRODUCTION-LIMIT: a limited measure on a case that is open. */
    public static Transition limited(UUID id, EnforcementCase open, MeasureKind kind, LocalDate startedOn,
                                     MeasureRules rules) {
        if (kind == MeasureKind.DAILY_PENALTY) {
            throw new IllegalArgumentException("a daily penalty starts with dailyPenalty");
        }
        if (EnumSet.of(CaseStatus.NOT_FILED, CaseStatus.CLOSED, CaseStatus.ARCHIVED).contains(open.status())) {
            throw new DomainException.Conflict("case-closed", "case " + open.id() + " is " + open.status()
                    + ": a measure belongs to an open case",
                    new DomainException.Blocker("case", open.id(), open.status()), null);
        }
        LocalDate ends = kind == MeasureKind.SEALING ? rules.sealingEnds(startedOn)
                : rules.productionLimitEnds(startedOn);
        SideMeasure measure = new SideMeasure(id, open.id(), open.facts().enterpriseCode(), kind,
                MeasureStatus.ACTIVE, startedOn, ends, false, 0, null, null, null, List.of(), BigDecimal.ZERO,
                null, null, 0);
        return new Transition(measure, started(measure, ends));
    }

    /**
     * ENF-MEASURE-DAILY-REINSPECTION: a covert re-inspection within 30 days of the order. Going on (or refused):
     * days from the day after the order's service to the re-inspection × the original fine are added, a new order
     * is served that day and the next re-inspection is due within 30 days of it. Corrected: the measure ends.
     */
    public Transition reinspect(LocalDate on, boolean covert, boolean continuing, boolean refused,
                                MeasureRules rules) {
        require(MeasureKind.DAILY_PENALTY, "re-inspect");
        if (!covert) {
            throw new DomainException.RuleViolation("covert-required", "covert", "the re-inspection of a daily"
                    + " continuous penalty is covert (暗查)");
        }
        if (!on.isAfter(periodStart) || on.isAfter(reinspectionDue)) {
            throw new DomainException.RuleViolation("reinspection-window", "on", "the re-inspection is after "
                    + periodStart + " and no later than " + reinspectionDue);
        }
        boolean goesOn = continuing || refused;
        long days = goesOn ? ChronoUnit.DAYS.between(periodStart, on) : 0;
        BigDecimal amount = originalFine.multiply(BigDecimal.valueOf(days));
        List<Reinspection> done = new ArrayList<>(reinspections);
        done.add(new Reinspection(on, true, continuing, refused, days, amount));
        if (!goesOn) {
            SideMeasure ended = new SideMeasure(id, caseId, enterpriseCode, kind, MeasureStatus.ENDED, startedOn,
                    endsOn, extended, testingDays, originalFine, periodStart, reinspectionDue, done, total, on,
                    "corrected", version);
            return new Transition(ended, new MeasureEvent.SideMeasureEnded(id, caseId, enterpriseCode, kind, on,
                    "corrected"));
        }
        BigDecimal sum = total.add(amount);
        SideMeasure next = new SideMeasure(id, caseId, enterpriseCode, kind, status, startedOn, endsOn, extended,
                testingDays, originalFine, on, rules.reinspectionDue(on), done, sum, null, null, version);
        return new Transition(next, new MeasureEvent.DailyPenaltyAssessed(id, caseId, enterpriseCode, on, days,
                amount, sum));
    }

    /** Sealing or a production limit extended once (情况复杂, with approval), for the reason given. */
    public Transition extend(String reason, MeasureRules rules) {
        requireLimited("extend");
        if (extended) {
            throw new DomainException.Conflict("extended-once", "measure " + id + " (" + kind + ") was extended"
                    + " once already, to " + endsOn + "; a " + kind + " is extended once at most",
                    new DomainException.Blocker("measure", id, status), null);
        }
        LocalDate ends = kind == MeasureKind.SEALING ? rules.sealingExtended(endsOn)
                : rules.productionLimitExtended(endsOn);
        return new Transition(new SideMeasure(id, caseId, enterpriseCode, kind, status, startedOn, ends, true,
                testingDays, originalFine, periodStart, reinspectionDue, reinspections, total, endedOn, endReason,
                version), new MeasureEvent.SideMeasureExtended(id, caseId, enterpriseCode, ends, reason));
    }

    /** ENF-MEASURE-SEALING: testing, inspection or appraisal time is not counted: sealing lasts that much longer. */
    public Transition excludeTesting(LocalDate from, LocalDate to) {
        requireLimited("exclude testing time from");
        if (kind != MeasureKind.SEALING) {
            throw new DomainException.Conflict("not-sealing", "measure " + id + " is a " + kind
                    + "; only sealing leaves testing time out", new DomainException.Blocker("measure", id, kind),
                    null);
        }
        if (to.isBefore(from) || from.isBefore(startedOn)) {
            throw new DomainException.RuleViolation("testing-period", "to", "testing runs from a day of the"
                    + " sealing to a day on or after it");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate ends = endsOn.plusDays(days);
        return new Transition(new SideMeasure(id, caseId, enterpriseCode, kind, status, startedOn, ends, extended,
                testingDays + days, originalFine, periodStart, reinspectionDue, reinspections, total, endedOn,
                endReason, version), new MeasureEvent.SideMeasureExtended(id, caseId, enterpriseCode, ends,
                "testing " + from + ".." + to + " not counted"));
    }

    /** Lifted or ended otherwise (the unit corrected, the decision annulled), on a day, for a reason. */
    public Transition end(LocalDate on, String reason) {
        if (status != MeasureStatus.ACTIVE) {
            throw new DomainException.Conflict("invalid-transition", "measure " + id + " has ended already");
        }
        if (on.isBefore(startedOn)) {
            throw new DomainException.RuleViolation("end-before-start", "on", "a measure ends on or after "
                    + startedOn);
        }
        return new Transition(new SideMeasure(id, caseId, enterpriseCode, kind, MeasureStatus.ENDED, startedOn,
                endsOn, extended, testingDays, originalFine, periodStart, reinspectionDue, reinspections, total, on,
                reason, version), new MeasureEvent.SideMeasureEnded(id, caseId, enterpriseCode, kind, on, reason));
    }

    /** The measure's clock: the re-inspection due, or the last day sealing or a limit may last; none once ended. */
    public LocalDate nextDue() {
        if (status != MeasureStatus.ACTIVE) {
            return null;
        }
        return kind == MeasureKind.DAILY_PENALTY ? reinspectionDue : endsOn;
    }

    public boolean isOverdue(LocalDate today) {
        LocalDate due = nextDue();
        return due != null && today.isAfter(due);
    }

    private static MeasureEvent started(SideMeasure measure, LocalDate due) {
        return new MeasureEvent.SideMeasureStarted(measure.id(), measure.caseId(), measure.enterpriseCode(),
                measure.kind(), measure.startedOn(), due);
    }

    private void require(MeasureKind expected, String action) {
        if (kind != expected || status != MeasureStatus.ACTIVE) {
            throw new DomainException.Conflict("invalid-transition", "cannot " + action + " measure " + id + " ("
                    + kind + ", " + status + ")");
        }
    }

    private void requireLimited(String action) {
        if (kind == MeasureKind.DAILY_PENALTY || status != MeasureStatus.ACTIVE) {
            throw new DomainException.Conflict("invalid-transition", "cannot " + action + " measure " + id + " ("
                    + kind + ", " + status + ")");
        }
    }
}
