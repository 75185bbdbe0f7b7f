package gov.envgov.complaint.complaint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaint line's rules as configuration ({@code envgov.complaint}); the features read their part of it, the
 * identity vault its key ({@code ComplainantProperties}).
 *
 * @param workingDays          time limit per complaint type, in PRC working days
 * @param routing              routing rules, first match wins
 * @param defaultUnit          the unit that gets what no rule matches
 * @param ceilingDays          the hard ceiling of a time limit, in calendar days from registration
 * @param extensionCeilingDays how many calendar days an approved extension may add to the ceiling
 * @param escalation           when overdue work escalates
 * @param duplicates           when a new complaint is proposed as a duplicate
 * @param emergencyDispatch    how soon an emergency must be dispatched
 */
@ConfigurationProperties("envgov.complaint")
public record ComplaintProperties(Map<ComplaintType, Integer> workingDays, List<RoutingRule> routing,
                                  String defaultUnit, int ceilingDays, int extensionCeilingDays, Escalation escalation,
                                  Duplicates duplicates, Duration emergencyDispatch) {

    /**
     * When a new complaint is proposed as a duplicate of an open one.
     *
     * @param window         how far back to look
     * @param distanceMeters how close two locations must be, when both complaints have one
     * @param minSimilarity  the least text similarity (0–1, character bigrams)
     * @param maxCandidates  how many proposals an operator is shown, the most similar first
     * @param pageSize       how many open complaints are compared per query; every open complaint in the window is
     *                       compared, page after page
     */
    public record Duplicates(Duration window, double distanceMeters, double minSimilarity, int maxCandidates,
                             int pageSize) {

        public Duplicates {
            if (maxCandidates < 1 || pageSize < 1) {
                throw new IllegalArgumentException("envgov.complaint.duplicates needs a max-candidates and a"
                        + " page-size of at least 1");
            }
        }
    }

    /**
     * Escalation steps in working days past the due date. How often escalation runs is the service's clock
     * ({@code envgov.clock.interval}).
     *
     * @param batchSize how many overdue complaints one query reads; a run goes on batch after batch until none is
     *                  left
     */
    public record Escalation(int reminderAfter, int supervisionAfter, int noticeAfter, int batchSize) {

        public Escalation {
            if (batchSize < 1) {
                throw new IllegalArgumentException("envgov.complaint.escalation.batch-size must be at least 1");
            }
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

    /** A rule names a category, a district and/or an enterprise (credit code), and the unit it routes to. */
    public record RoutingRule(@Nullable Category category, @Nullable String district, @Nullable String enterprise,
                              String unit) {
    }
}
