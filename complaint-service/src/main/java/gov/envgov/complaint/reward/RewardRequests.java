package gov.envgov.complaint.reward;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the reward steps. */
final class RewardRequests {

    private RewardRequests() {
    }

    /** An officer proposes a reward: how serious the reported violation proved, and what the report led to. */
    record Propose(@NotNull RewardSeverity severity, @NotBlank @Size(max = 2000) String grounds) {
    }

    @Schema(name = "RefuseReward")
    record Refuse(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The reference of the transfer or receipt the reward was paid with. */
    record Payment(@NotBlank @Size(max = 200) String reference) {
    }
}
