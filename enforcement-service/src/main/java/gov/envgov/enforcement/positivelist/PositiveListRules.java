package gov.envgov.enforcement.positivelist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The positive list's rules with their numbers from {@link PositiveListProperties}. Pure: a plain unit test
 * exercises every rule.
 */
public final class PositiveListRules {

    static final String PENALTY = "penalty";
    static final String INCIDENT = "incident";
    static final String REPORT = "report";
    static final String MONITORING = "monitoring";

    private final PositiveListProperties properties;

    public PositiveListRules(PositiveListProperties properties) {
        this.properties = properties;
    }

    /** What an assessment found: the rules the unit breaks on the day (none: it qualifies). */
    public record Assessment(String code, List<String> broken) {

        public Assessment {
            broken = List.copyOf(broken);
        }

        public boolean qualifies() {
            return broken.isEmpty();
        }
    }

    /** What an evaluation does with a unit. */
    public enum Change {
        NONE, LIST, RENEW, REMOVE
    }

    /**
     * ENF-POSITIVE-LIST-RULES: no penalty, no incident and no missing report within the clean years; automatic
     * monitoring connected where the unit's class must have it (a passed monitoring check within the configured
     * years, and none failed since).
     */
    public Assessment assess(UnitRecord unit, LocalDate today) {
        LocalDate cleanSince = today.minusYears(properties.cleanYears());
        List<String> broken = new ArrayList<>();
        if (within(unit.lastPenaltyOn(), cleanSince)) {
            broken.add(PENALTY);
        }
        if (within(unit.lastIncidentOn(), cleanSince)) {
            broken.add(INCIDENT);
        }
        if (within(unit.lastReportMissedOn(), cleanSince)) {
            broken.add(REPORT);
        }
        if (properties.monitoringClasses().contains(unit.managementClass())) {
            LocalDate passed = unit.monitoringPassedOn();
            LocalDate failed = unit.monitoringFailedOn();
            boolean connected = passed != null
                    && passed.isAfter(today.minusYears(properties.monitoringVerifiedYears()))
                    && (failed == null || passed.isAfter(failed));
            if (!connected) {
                broken.add(MONITORING);
            }
        }
        return new Assessment(unit.code(), broken);
    }

    /**
     * ENF-POSITIVE-LIST-TERM: a qualifying unit is listed for the configured years and assessed again when the term
     * ends; ENF-POSITIVE-LIST-REMOVAL: a listed unit that breaks a rule leaves the list at once.
     */
    public Change decide(PositiveListEntry entry, Assessment assessment, LocalDate today) {
        boolean listed = entry != null && entry.isListed();
        if (listed && !assessment.qualifies()) {
            return Change.REMOVE;
        }
        if (listed) {
            return today.isAfter(entry.listedUntil()) ? Change.RENEW : Change.NONE;
        }
        return assessment.qualifies() ? Change.LIST : Change.NONE;
    }

    /** The last day of a term that starts on {@code listedOn}. */
    public LocalDate listedUntil(LocalDate listedOn) {
        return listedOn.plusYears(properties.listedYears()).minusDays(1);
    }

    public PositiveListProperties properties() {
        return properties;
    }

    private static boolean within(LocalDate day, LocalDate since) {
        return day != null && day.isAfter(since);
    }
}
