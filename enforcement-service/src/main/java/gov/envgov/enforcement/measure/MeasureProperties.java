package gov.envgov.enforcement.measure;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of side measures ({@code envgov.enforcement.measure}, DOMAIN.md § Enforcement; (B) where marked
 * there).
 *
 * @param dailyPenaltyViolations the violation types (discretion codes) a daily continuous penalty may follow
 * @param reinspectionDays a daily penalty's re-inspection is within this many days of the order's service
 * @param sealingDays sealing lasts at most this many days
 * @param sealingExtensionDays and may be extended once by at most this many
 * @param productionLimitMonths a production limit lasts at most this many months
 * @param productionLimitExtensionMonths and may be extended once by at most this many
 * @param clockBatchSize measures the deadline clock reads at a time
 */
@ConfigurationProperties("envgov.enforcement.measure")
public record MeasureProperties(List<String> dailyPenaltyViolations, int reinspectionDays, int sealingDays,
                                int sealingExtensionDays, int productionLimitMonths,
                                int productionLimitExtensionMonths, int clockBatchSize) {

    public MeasureProperties {
        dailyPenaltyViolations = dailyPenaltyViolations == null ? List.of() : List.copyOf(dailyPenaltyViolations);
        if (reinspectionDays < 1 || sealingDays < 1 || sealingExtensionDays < 0 || productionLimitMonths < 1
                || productionLimitExtensionMonths < 0 || clockBatchSize < 1) {
            throw new IllegalArgumentException("envgov.enforcement.measure: periods are positive");
        }
    }
}
