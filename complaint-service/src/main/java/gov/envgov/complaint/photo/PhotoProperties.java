package gov.envgov.complaint.photo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on complaint photos.
 *
 * @param maxPerComplaint the most photos of one complaint
 * @param maxBytes        the largest upload
 * @param maxPixels       the largest image (width times height, read from its header before decoding)
 */
@ConfigurationProperties("envgov.complaint.photos")
public record PhotoProperties(int maxPerComplaint, int maxBytes, long maxPixels) {

    public PhotoProperties {
        if (maxPixels <= 0) {
            maxPixels = 40_000_000L;
        }
    }
}
