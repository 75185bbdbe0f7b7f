package gov.envgov.enforcement.draw;

import java.math.BigDecimal;
import java.math.RoundingMode;

import gov.envgov.support.domain.DomainException;

/**
 * How many units a plan draws and how much each weighs, with the numbers from {@link DrawProperties}. Pure: a plain
 * unit test exercises every rule.
 */
public final class DrawRules {

    /** Key dischargers (重点排污单位) are drawn by rate; every other class by staff ratio. */
    static final String KEY = "KEY";

    private final DrawProperties properties;

    public DrawRules(DrawProperties properties) {
        this.properties = properties;
    }

    /**
     * ENF-DRAW-RATE: key dischargers at the level's rate of the pool, rounded up; ENF-DRAW-STAFF-RATIO: other
     * units at the level's units per inspector, never more than the pool holds.
     */
    public int sampleSize(Draw.Plan plan, int poolSize) {
        if (KEY.equals(plan.managementClass())) {
            BigDecimal rate = properties.keyRates().get(plan.level());
            return rate.multiply(BigDecimal.valueOf(poolSize)).setScale(0, RoundingMode.CEILING).intValueExact();
        }
        long byStaff = (long) plan.inspectors() * properties.unitsPerInspector().get(plan.level());
        return (int) Math.min(poolSize, byStaff);
    }

    /** ENF-DRAW-SCOPE: a county draws in one district; staff-ratio draws need the inspectors they count. */
    public void requireValid(Draw.Plan plan) {
        if (plan.level() == SupervisionLevel.COUNTY && plan.district() == null) {
            throw new DomainException.RuleViolation("district-required", "district",
                    "a county-level draw covers one district: name it");
        }
        if (!KEY.equals(plan.managementClass()) && plan.inspectors() < 1) {
            throw new DomainException.RuleViolation("inspectors-required", "inspectors",
                    "a draw of " + plan.managementClass() + " units is sized by staff ratio ("
                            + properties.unitsPerInspector().get(plan.level())
                            + " units per inspector): give the number of inspectors, at least 1");
        }
    }

    /**
     * ENF-DRAW-WEIGHT: a unit on the positive list weighs least; otherwise its credit grade's weight, or the
     * default while it has no grade.
     */
    public long weight(String creditGrade, boolean positiveList) {
        if (positiveList) {
            return properties.positiveListWeight();
        }
        Integer byGrade = creditGrade == null ? null : properties.gradeWeights().get(creditGrade);
        return byGrade == null ? properties.defaultWeight() : byGrade;
    }

    public int resultsWorkingDays() {
        return properties.resultsWorkingDays();
    }
}
