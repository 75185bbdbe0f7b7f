package gov.envgov.enforcement.draw;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of double-random draws ({@code envgov.enforcement.draw}, DOMAIN.md § Enforcement; all (B): Liaoning's
 * own plan, a city may set its own).
 *
 * @param keyRates share of key dischargers drawn per period, by who draws (county 25 %, city 5 % per quarter)
 * @param unitsPerInspector general units per inspector and period (county 1 : 10, city 1 : 5)
 * @param defaultWeight the weight of a unit without a credit grade (all units, until credit-service grades them)
 * @param gradeWeights weight by credit grade: worse grades are drawn more often (分级分类监管)
 * @param positiveListWeight the weight of a unit on the positive list (正面清单), drawn less often
 * @param resultsWorkingDays results are published within this many working days of the draw
 */
@ConfigurationProperties("envgov.enforcement.draw")
public record DrawProperties(Map<SupervisionLevel, BigDecimal> keyRates,
                             Map<SupervisionLevel, Integer> unitsPerInspector, int defaultWeight,
                             Map<String, Integer> gradeWeights, int positiveListWeight, int resultsWorkingDays) {

    public DrawProperties {
        keyRates = Map.copyOf(keyRates);
        unitsPerInspector = Map.copyOf(unitsPerInspector);
        gradeWeights = gradeWeights == null ? Map.of() : Map.copyOf(gradeWeights);
        for (SupervisionLevel level : SupervisionLevel.values()) {
            if (!keyRates.containsKey(level) || !unitsPerInspector.containsKey(level)) {
                throw new IllegalArgumentException("envgov.enforcement.draw needs a key rate and a staff ratio for "
                        + level);
            }
        }
        if (defaultWeight < 1 || positiveListWeight < 1 || gradeWeights.values().stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("envgov.enforcement.draw weights must be positive integers");
        }
    }
}
