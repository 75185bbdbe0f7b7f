package gov.envgov.credit.facility;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The facility report ({@code envgov.credit.facility}).
 *
 * @param quarters how many quarters the compliance status string covers (12, after US EPA ECHO)
 */
@ConfigurationProperties("envgov.credit.facility")
public record FacilityProperties(Integer quarters) {

    public FacilityProperties {
        quarters = quarters == null ? 12 : quarters;
        if (quarters < 1 || quarters > 40) {
            throw new IllegalArgumentException("envgov.credit.facility.quarters must be 1..40, not " + quarters);
        }
    }
}
