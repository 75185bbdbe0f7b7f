package gov.envgov.complaint.open311;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultWindow how far back GET requests looks without a start date (the specification's 90 days)
 * @param maxResults    the most requests one GET returns (the specification's 1000)
 * @param contact       who runs the endpoint, for discovery
 */
@ConfigurationProperties("envgov.complaint.open311")
public record Open311Properties(Duration defaultWindow, int maxResults, String contact) {
}
