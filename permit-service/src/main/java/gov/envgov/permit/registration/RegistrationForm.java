package gov.envgov.permit.registration;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The registration form of a registration-only unit (登记管理): what it makes, what it burns, what it discharges
 * and how it treats it.
 */
public record RegistrationForm(@NotBlank @Size(max = 200) String productionSite,
                               @NotEmpty List<@NotBlank String> mainProducts,
                               List<@NotBlank String> fuels,
                               @NotEmpty List<@NotNull @Valid Discharge> discharges) {

    public record Discharge(@NotBlank String kind, @NotBlank String pollutant, @NotBlank String treatment,
                            @NotBlank String destination) {
    }
}
