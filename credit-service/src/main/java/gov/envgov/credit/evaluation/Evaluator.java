package gov.envgov.credit.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.envgov.credit.ledger.CreditRecord;
import gov.envgov.credit.ledger.RecordOrigin;
import gov.envgov.credit.scheme.Assessment;
import gov.envgov.credit.scheme.Scheme;

/**
 * Scores one subject's records of a period under one scheme version (CRD-EVAL-SCORE): the base score less, per
 * indicator, the points of its records up to the indicator's maximum deduction, never below zero; the grade is the
 * best whose minimum the score reaches, or the worst for any veto event (CRD-EVAL-VETO). Pure: each record is priced
 * again under the evaluation's version, so the whole period is scored under one version.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public record Scored(int score, String grade, boolean veto, Explanation explanation) {
    }

    public static Scored score(Scheme scheme, List<CreditRecord> records) {
        Map<String, List<Explanation.Item>> byIndicator = new LinkedHashMap<>();
        List<Explanation.Item> notCounted = new ArrayList<>();
        List<Explanation.VetoApplied> vetoes = new ArrayList<>();
        for (CreditRecord record : records) {
            Assessment assessed = Assessment.of(scheme, record.rule(), record.eventType(), record.measure(),
                    record.origin() == RecordOrigin.MANUAL ? record.severity() : null,
                    record.flagged(), record.vetoCode());
            Explanation.Item item = item(record, assessed);
            if (assessed.vetoCode() != null) {
                vetoes.add(new Explanation.VetoApplied(assessed.vetoCode(),
                        scheme.veto(assessed.vetoCode()).map(Scheme.Veto::name).orElse(assessed.vetoCode()),
                        record.id()));
            }
            if (assessed.indicator() != null) {
                byIndicator.computeIfAbsent(assessed.indicator(), code -> new ArrayList<>()).add(item);
            } else if (assessed.vetoCode() == null) {
                notCounted.add(item);
            }
        }
        List<Explanation.GroupScore> groups = new ArrayList<>();
        int deducted = 0;
        for (Scheme.Group group : scheme.groups()) {
            List<Explanation.IndicatorScore> indicators = new ArrayList<>();
            int groupDeducted = 0;
            for (Scheme.Indicator indicator : group.indicators()) {
                List<Explanation.Item> items = byIndicator.getOrDefault(indicator.code(), List.of());
                int uncapped = items.stream().mapToInt(Explanation.Item::points).sum();
                int capped = Math.min(uncapped, indicator.maxDeduction());
                groupDeducted += capped;
                indicators.add(new Explanation.IndicatorScore(indicator.code(), indicator.name(),
                        indicator.maxDeduction(), uncapped, capped, items));
            }
            deducted += groupDeducted;
            groups.add(new Explanation.GroupScore(group.code(), group.name(), groupDeducted, indicators));
        }
        int score = Math.max(0, scheme.baseScore() - deducted);
        boolean veto = !vetoes.isEmpty();
        Scheme.Grade grade = scheme.grade(score, veto);
        String reason = veto ? "一票否决：" + vetoes.get(0).name() + "（记录 " + vetoes.get(0).recordId() + "）"
                : "得分 " + score + " ≥ " + grade.minScore() + "（" + grade.code() + "）";
        return new Scored(score, grade.code(), veto, new Explanation(scheme.version(), scheme.isPlaceholder(),
                scheme.baseScore(), score, grade.code(), reason, vetoes, groups, notCounted));
    }

    private static Explanation.Item item(CreditRecord record, Assessment assessed) {
        CreditRecord.Source source = record.source();
        return new Explanation.Item(record.id(), record.occurredOn(), record.eventType(), record.summary(),
                assessed.rule(), assessed.severity(), assessed.points(), assessed.vetoCode(),
                source == null ? null : source.producer(), source == null ? null : source.position(),
                source == null ? null : source.eventId(), source == null ? null : record.enteredBy(),
                record.evidence().size());
    }
}
