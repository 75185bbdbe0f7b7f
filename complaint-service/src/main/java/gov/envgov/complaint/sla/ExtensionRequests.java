package gov.envgov.complaint.sla;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the extension workflow. */
final class ExtensionRequests {

    private ExtensionRequests() {
    }

    /**
     * The unit asks for {@code workingDays} more working days, with the reason the complainant will be told; never
     * more than the ceilings allow in calendar days (the service refuses past them, naming the most it allows).
     */
    record Ask(@NotNull @Min(1) @Max(90) Integer workingDays, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Approve the days asked for, or fewer ({@code workingDays}); an optional note. */
    record Approve(@Nullable @Min(1) @Max(90) Integer workingDays, @Nullable @Size(max = 1000) String note) {
    }

    @Schema(name = "RefuseExtension")
    record Refuse(@NotBlank @Size(max = 1000) String note) {
    }
}
