package gov.envgov.credit.repair;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What enterprises and credit officers send about credit repair. */
public final class RepairRequests {

    private RepairRequests() {
    }

    /** The records of a period and/or the list entry to repair, what was rectified, and the evidence. */
    public record Apply(@Min(2000) @Max(2100) Integer period, @Size(max = 200) List<@NotNull UUID> records,
                        UUID listEntryId, @NotBlank @Size(max = 4000) String statement,
                        @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence) {
    }

    /** The review: approve or not, whether the rectification was verified, and the decision in words. */
    @Schema(name = "RepairReview")
    public record Review(@NotNull Boolean approve, Boolean rectificationVerified,
                         @NotBlank @Size(max = 4000) String decision) {
    }
}
