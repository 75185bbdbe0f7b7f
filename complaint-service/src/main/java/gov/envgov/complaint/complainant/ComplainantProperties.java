package gov.envgov.complaint.complainant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the identity vault, beside the complaint line's other settings ({@code envgov.complaint}).
 *
 * @param complainantKey   base64 AES-256 key that encrypts complainant identity
 * @param complainantKeyId the name stored beside each encrypted identity, for key rotation
 */
@ConfigurationProperties("envgov.complaint")
public record ComplainantProperties(String complainantKey, String complainantKeyId) {
}
