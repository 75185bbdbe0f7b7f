package gov.envgov.enforcement.measure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A re-inspection of a daily continuous penalty: covert, and whether the violation went on (a refused re-inspection
 * counts as going on). When it did, {@code days} × the original fine is the penalty it adds.
 */
public record Reinspection(LocalDate on, boolean covert, boolean continuing, boolean refused, long days,
                           BigDecimal amount) {
}
