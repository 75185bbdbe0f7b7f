package gov.envgov.permit.change;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Administrative change settings.
 *
 * @param filingDays an administrative change is applied for within this many days of the change; later ones are
 *                   flagged late, not refused (PERMIT-CHANGE-FILING)
 */
@ConfigurationProperties("envgov.permit.change")
public record ChangeProperties(int filingDays) {

    public ChangeProperties {
        if (filingDays < 1) {
            throw new IllegalArgumentException("envgov.permit.change.filing-days must be at least 1");
        }
    }
}
