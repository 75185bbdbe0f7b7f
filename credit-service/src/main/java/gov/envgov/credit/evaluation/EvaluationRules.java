package gov.envgov.credit.evaluation;

import java.time.LocalDate;

import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/** The deadlines of the evaluation procedure, with their numbers from {@link EvaluationProperties}. */
public final class EvaluationRules {

    private final EvaluationProperties properties;
    private final WorkingDayCalendar calendar;

    public EvaluationRules(EvaluationProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** CRD-EVAL-OBJECTION-WINDOW: objections are taken up to and including this day (calendar days). */
    public LocalDate objectionEnds(LocalDate preliminaryOn) {
        return preliminaryOn.plusDays(properties.objectionDays());
    }

    /** CRD-EVAL-FINAL-PUBLICATION: the last day of final publication, in working days after approval. */
    public LocalDate finalDue(LocalDate approvedOn) {
        return calendar.plusWorkingDays(approvedOn, properties.finalPublicationWorkingDays());
    }

    /** CRD-EVAL-PERIOD: a period (calendar year) is evaluated once it has ended. */
    public void requireEnded(int period, LocalDate today) {
        if (period >= today.getYear()) {
            throw new DomainException.RuleViolation("period-not-ended", "period",
                    "period " + period + " has not ended; it is evaluated from 1 January " + (period + 1));
        }
    }

    public int batchSize() {
        return properties.batchSize();
    }
}
