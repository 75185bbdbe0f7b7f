package gov.envgov.complaint.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How registrations are written (group commit).
 *
 * @param groupSize      the most registrations one transaction takes
 * @param groupsInFlight how many transactions of registrations may be under way at once
 */
@ConfigurationProperties("envgov.complaint.filing")
public record FilingProperties(int groupSize, int groupsInFlight) {

    public FilingProperties {
        if (groupSize < 1 || groupsInFlight < 1) {
            throw new IllegalArgumentException("envgov.complaint.filing needs a group size and groups in flight of"
                    + " at least 1");
        }
    }
}
