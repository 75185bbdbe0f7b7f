package gov.envgov.enforcement.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The numbers of inspections ({@code envgov.enforcement.inspection}, DOMAIN.md § Enforcement).
 *
 * @param resultsWorkingDays results are public within this many working days of the inspection's end (抽查结果公告)
 * @param evidenceMaxSize the largest evidence file stored (the bytes are kept in the database)
 */
@ConfigurationProperties("envgov.enforcement.inspection")
public record InspectionProperties(int resultsWorkingDays, DataSize evidenceMaxSize) {

    public InspectionProperties {
        if (resultsWorkingDays < 0 || evidenceMaxSize == null || evidenceMaxSize.toBytes() < 1) {
            throw new IllegalArgumentException("envgov.enforcement.inspection needs results-working-days >= 0 and"
                    + " a positive evidence-max-size");
        }
    }
}
