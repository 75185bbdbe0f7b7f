package gov.envgov.enforcement.discretion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import gov.envgov.support.domain.DomainException;

/**
 * ENF-DISCRETION: fine = min(100 %, start % + Σ factor %) × statutory maximum, kept inside the statutory range unless
 * a recorded mitigation ground (减轻) lowers it below the minimum; no penalty for a first minor violation corrected in
 * time where the table lists it (首违不罚), nor without fault (行政处罚法 Arts 32–33). Pure.
 */
public final class DiscretionCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<DiscretionTable> tables;

    public DiscretionCalculator(List<DiscretionTable> tables) {
        this.tables = tables.stream().sorted(Comparator.comparing(DiscretionTable::effectiveFrom)).toList();
    }

    /** What the case tells the calculator. */
    public record Input(String violation, Map<String, String> options, boolean firstMinorCorrected, boolean noFault,
                        boolean mitigation) {
    }

    /** The computed fine, the version it was computed under, and each step, for the record and the party. */
    public record Computation(String tableVersion, String violation, BigDecimal fine, boolean exempt,
                              List<String> explanation) {
    }

    /** The version in force on a day: the newest that took effect on or before it. */
    public DiscretionTable inForce(LocalDate day) {
        DiscretionTable found = null;
        for (DiscretionTable table : tables) {
            if (!table.effectiveFrom().isAfter(day)) {
                found = table;
            }
        }
        if (found == null) {
            throw new DomainException.RuleViolation("no-discretion-table", "decidedOn", "no discretion table was in"
                    + " force on " + day);
        }
        return found;
    }

    public Computation compute(Input input, LocalDate day) {
        DiscretionTable table = inForce(day);
        DiscretionTable.Violation violation = table.violations().stream()
                .filter(candidate -> candidate.code().equals(input.violation())).findFirst()
                .orElseThrow(() -> new DomainException.RuleViolation("unknown-violation", "violation", "table "
                        + table.version() + " has no violation " + input.violation() + "; it has "
                        + table.violations().stream().map(DiscretionTable.Violation::code).toList()));
        List<String> explanation = new ArrayList<>();
        if (input.noFault()) {
            explanation.add("无主观过错，不予处罚（行政处罚法第三十三条第二款）");
            return new Computation(table.version(), violation.code(), BigDecimal.ZERO, true, explanation);
        }
        if (input.firstMinorCorrected() && violation.firstMinorExempt()) {
            explanation.add("首次违法、危害后果轻微并及时改正，不予处罚（行政处罚法第三十三条第一款）");
            return new Computation(table.version(), violation.code(), BigDecimal.ZERO, true, explanation);
        }
        int percent = violation.startPercent();
        explanation.add("起点 " + violation.startPercent() + "%");
        for (DiscretionTable.Factor factor : violation.factors()) {
            String chosen = input.options().get(factor.code());
            DiscretionTable.Option option = factor.options().stream().filter(o -> o.code().equals(chosen))
                    .findFirst().orElseThrow(() -> new DomainException.RuleViolation("factor-option",
                            "options." + factor.code(), factor.name() + " must be one of "
                                    + factor.options().stream().map(DiscretionTable.Option::code).toList()));
            percent += option.percent();
            explanation.add(factor.name() + "：" + option.label() + " " + (option.percent() >= 0 ? "+" : "")
                    + option.percent() + "%");
        }
        percent = Math.max(0, Math.min(100, percent));
        BigDecimal fine = violation.statutoryMax().multiply(BigDecimal.valueOf(percent))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
        explanation.add("合计 " + percent + "% × 法定上限 " + violation.statutoryMax().toPlainString() + " 元");
        if (fine.compareTo(violation.statutoryMin()) < 0 && !input.mitigation()) {
            fine = violation.statutoryMin();
            explanation.add("不低于法定下限 " + violation.statutoryMin().toPlainString() + " 元");
        } else if (fine.compareTo(violation.statutoryMin()) < 0) {
            explanation.add("依法减轻，低于法定下限");
        }
        return new Computation(table.version(), violation.code(), fine.setScale(2, RoundingMode.HALF_UP), false,
                explanation);
    }
}
