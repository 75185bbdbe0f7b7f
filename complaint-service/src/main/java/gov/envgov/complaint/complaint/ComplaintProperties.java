package gov.envgov.complaint.complaint;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaint line's rules as configuration.
 *
 * @param workingDays time limit per complaint type, in PRC working days
 * @param routing     routing rules, first match wins
 * @param defaultUnit the unit that gets what no rule matches
 * @param complainantKey   base64 AES-256 key that encrypts complainant identity
 * @param complainantKeyId the name stored beside each encrypted identity, for key rotation
 * @param ceilingDays          the hard ceiling of a time limit, in calendar days from registration
 * @param extensionCeilingDays how many calendar days an approved extension may add to the ceiling
 * @param escalation           when overdue work escalates
 * @param duplicates           when a new complaint is proposed as a duplicate
 * @param emergencyDispatch    how soon an emergency must be dispatched
 */
@ConfigurationProperties("envgov.complaint")
public record ComplaintProperties(Map<ComplaintType, Integer> workingDays, List<RoutingRule> routing,
                                  String defaultUnit, String complainantKey, String complainantKeyId,
                                  int ceilingDays, int extensionCeilingDays, Escalation escalation,
                                  Duplicates duplicates, java.time.Duration emergencyDispatch) {

    /**
     * When a new complaint is proposed as a duplicate of an open one.
     *
     * @param window         how far back to look
     * @param distanceMeters how close two locations must be, when both complaints have one
     * @param minSimilarity  the least text similarity (0–1, character bigrams)
     */
    public record Duplicates(java.time.Duration window, double distanceMeters, double minSimilarity) {
    }

    /**
     * Escalation steps in working days past the due date.
     *
     * @param interval how often the escalation job looks for overdue work
     */
    public record Escalation(int reminderAfter, int supervisionAfter, int noticeAfter,
                             java.time.Duration interval) {

        /** The level a complaint this many working days overdue has reached. */
        public EscalationLevel levelFor(int workingDaysOverdue) {
            if (workingDaysOverdue >= noticeAfter) {
                return EscalationLevel.PUBLIC_NOTICE;
            }
            if (workingDaysOverdue >= supervisionAfter) {
                return EscalationLevel.SUPERVISION;
            }
            if (workingDaysOverdue >= reminderAfter) {
                return EscalationLevel.REMINDER;
            }
            return EscalationLevel.NONE;
        }
    }

    public ComplaintProperties {
        workingDays = Map.copyOf(workingDays);
        routing = routing == null ? List.of() : List.copyOf(routing);
        for (ComplaintType type : ComplaintType.values()) {
            if (!workingDays.containsKey(type)) {
                throw new IllegalArgumentException("envgov.complaint.working-days has no limit for " + type);
            }
        }
    }

    /** A rule matches when each criterion it names (category, district, enterprise) equals the complaint's. */
    public record RoutingRule(Category category, String district, String enterprise, String unit) {

        boolean matches(Category complaintCategory, String complaintDistrict, String complaintEnterprise) {
            return (category == null || category == complaintCategory)
                    && (district == null || district.equals(complaintDistrict))
                    && (enterprise == null || enterprise.equals(complaintEnterprise));
        }
    }

    /** Every unit a complaint can be dispatched to. */
    public java.util.Set<String> knownUnits() {
        java.util.Set<String> units = new java.util.LinkedHashSet<>();
        routing.forEach(rule -> units.add(rule.unit()));
        units.add(defaultUnit);
        return units;
    }

    /** The handling unit the rules pick for a complaint. */
    public String route(Category category, String district, String enterprise) {
        return routing.stream().filter(rule -> rule.matches(category, district, enterprise))
                .map(RoutingRule::unit).findFirst().orElse(defaultUnit);
    }
}
