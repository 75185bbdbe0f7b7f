package gov.envgov.complaint.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits on complaint photos. */
@ConfigurationProperties("envgov.complaint.photos")
public record PhotoProperties(int maxPerComplaint, int maxBytes) {
}
