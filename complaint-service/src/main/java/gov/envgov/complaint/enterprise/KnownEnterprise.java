package gov.envgov.complaint.enterprise;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An enterprise as the complaint line knows it (tolerant reader of permit-service's snapshot). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnownEnterprise(String code, String name, String district, long version) {
}
