package gov.envgov.credit.evaluation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Why a subject got its score and grade, to the last point: per group and indicator the records counted, each with
 * its source event, its rule and severity under the scheme version, and what the indicator's cap left of them.
 *
 * @param gradeReason in words: the threshold reached, or the veto event that decided the grade
 */
public record Explanation(String schemeVersion, boolean placeholderScheme, int baseScore, int score, String grade,
                          String gradeReason, List<VetoApplied> vetoes, List<GroupScore> groups,
                          List<Item> notCounted) {

    public Explanation {
        vetoes = List.copyOf(vetoes);
        groups = List.copyOf(groups);
        notCounted = List.copyOf(notCounted);
    }

    /** Every record the result was computed from, counted or not. */
    public Set<UUID> recordIds() {
        Set<UUID> ids = new HashSet<>();
        groups.forEach(group -> group.indicators().forEach(indicator -> indicator.records()
                .forEach(item -> ids.add(item.recordId()))));
        vetoes.forEach(veto -> ids.add(veto.recordId()));
        notCounted.forEach(item -> ids.add(item.recordId()));
        return ids;
    }

    public record GroupScore(String code, String name, int deducted, List<IndicatorScore> indicators) {
        public GroupScore {
            indicators = List.copyOf(indicators);
        }
    }

    /** @param uncapped the points of its records before the indicator's maximum deduction applied */
    public record IndicatorScore(String code, String name, int maxDeduction, int uncapped, int deducted,
                                 List<Item> records) {
        public IndicatorScore {
            records = List.copyOf(records);
        }
    }

    /**
     * One record as scored.
     *
     * @param producer  the service whose event made it, null when a credit officer entered it
     * @param eventId   the source event's id; {@code position} its position in the producer's feed
     * @param enteredBy who entered it by hand, with {@code evidence} documents
     */
    public record Item(UUID recordId, LocalDate occurredOn, String eventType, String summary, String rule,
                       String severity, int points, String vetoCode, String producer, Long position, UUID eventId,
                       String enteredBy, int evidence) {
    }

    public record VetoApplied(String code, String name, UUID recordId) {
    }
}
