package gov.envgov.credit.subject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An enterprise under credit evaluation (tolerant reader of permit-service's enterprise snapshot). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditSubject(String code, String name, String district, String managementClass, long version) {
}
