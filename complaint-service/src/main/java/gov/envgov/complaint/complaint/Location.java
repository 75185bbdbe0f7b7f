package gov.envgov.complaint.complaint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A WGS84 position of what the complaint is about. */
public record Location(@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                       @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {
}
