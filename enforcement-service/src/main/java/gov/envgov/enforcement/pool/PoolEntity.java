package gov.envgov.enforcement.pool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A unit in the inspection pool (tolerant reader of permit-service's enterprise snapshot). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PoolEntity(String code, String name, String district, String industryCode, String managementClass,
                         long version) {
}
