package gov.envgov.permit.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Replaces an enterprise's registry details (staff); {@code version} is the one the change was based on. */
public record ChangeEnterpriseRequest(
        @NotNull @Positive Long version,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String district,
        @Pattern(regexp = "^[A-T][0-9]{2,4}$", message = "must be a GB/T 4754 industry code such as C2511")
        String industryCode,
        @NotNull ManagementClass managementClass,
        @Size(max = 300) String address,
        @Valid GeoPoint location) {

    Enterprise.Details details() {
        return new Enterprise.Details(name.strip(), district, industryCode, managementClass,
                address == null ? null : address.strip(), location);
    }
}
