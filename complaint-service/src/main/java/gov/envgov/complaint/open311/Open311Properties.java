package gov.envgov.complaint.open311;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultWindow how far back GET requests looks without a start date (the specification's 90 days)
 * @param maxResults    the most requests one GET returns (the specification's 1000)
 * @param contact       who runs the endpoint, for discovery
 * @param publicBaseUrl where the public reaches the platform (the gateway): every absolute URL Open311 answers
 *                      (discovery's endpoint, media_url) starts with it, whatever Host header a request carried
 */
@ConfigurationProperties("envgov.complaint.open311")
public record Open311Properties(Duration defaultWindow, int maxResults, String contact, URI publicBaseUrl) {

    /** An absolute public URL for a path such as {@code /open311/v2/}. */
    String url(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
