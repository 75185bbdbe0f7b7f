package gov.envgov.enforcement.measure;

import java.time.LocalDate;

import gov.envgov.support.domain.DomainException;

/** The periods and scope of side measures with their numbers from {@link MeasureProperties}. Pure. */
public final class MeasureRules {

    private final MeasureProperties properties;

    public MeasureRules(MeasureProperties properties) {
        this.properties = properties;
    }

    /**
     * ENF-MEASURE-DAILY-SCOPE: a daily continuous penalty follows only the listed violation types (over-limit or
     * over-total discharge, evasion, prohibited pollutants, hazardous-waste dumping and those a city adds).
     */
    public void requireDailyPenaltyApplies(String violation) {
        if (!properties.dailyPenaltyViolations().contains(violation)) {
            throw new DomainException.RuleViolation("daily-penalty-not-applicable", "violation", "a daily"
                    + " continuous penalty follows only " + properties.dailyPenaltyViolations() + ", not "
                    + violation);
        }
    }

    /** ENF-MEASURE-DAILY-REINSPECTION: the re-inspection is within 30 days of the order's service. */
    public LocalDate reinspectionDue(LocalDate orderServedOn) {
        return orderServedOn.plusDays(properties.reinspectionDays());
    }

    /** ENF-MEASURE-SEALING: at most 30 days (the day after it starts counting first). */
    public LocalDate sealingEnds(LocalDate startedOn) {
        return startedOn.plusDays(properties.sealingDays());
    }

    public LocalDate sealingExtended(LocalDate endsOn) {
        return endsOn.plusDays(properties.sealingExtensionDays());
    }

    /** ENF-MEASURE-PRODUCTION-LIMIT: at most 3 months, extended once by at most 3. */
    public LocalDate productionLimitEnds(LocalDate startedOn) {
        return startedOn.plusMonths(properties.productionLimitMonths());
    }

    public LocalDate productionLimitExtended(LocalDate endsOn) {
        return endsOn.plusMonths(properties.productionLimitExtensionMonths());
    }
}
