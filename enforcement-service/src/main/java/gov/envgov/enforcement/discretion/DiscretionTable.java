package gov.envgov.enforcement.discretion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the discretion tables (自由裁量基准): per violation its statutory range, the starting percentage and
 * the factors whose options add percentages. Data, loaded from {@code discretion/tables.json}.
 */
public record DiscretionTable(String version, LocalDate effectiveFrom, List<Violation> violations) {

    /** @param firstMinorExempt a first minor violation corrected in time is not penalised (首违不罚 list) */
    public record Violation(String code, String name, String legalBasis, BigDecimal statutoryMin,
                            BigDecimal statutoryMax, int startPercent, boolean firstMinorExempt,
                            List<Factor> factors) {
    }

    public record Factor(String code, String name, List<Option> options) {
    }

    public record Option(String code, String label, int percent) {
    }
}
