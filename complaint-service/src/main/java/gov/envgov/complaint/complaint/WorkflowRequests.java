package gov.envgov.complaint.complaint;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Commands of the handling workflow, as request bodies. */
final class WorkflowRequests {

    private WorkflowRequests() {
    }

    record Return(@NotBlank @Size(max = 1000) String reason) {
    }

    record RecordHandling(@NotNull Boolean substantiated, @NotBlank @Size(max = 4000) String findings) {
    }

    record Reply(@NotBlank @Size(max = 4000) String text) {
    }

    /** The complainant's own answer to the follow-up. */
    record Satisfied(@NotNull Satisfaction satisfaction, @NotNull Boolean solved) {
    }

    /** An operator corrects the district a complaint was registered in, saying why. */
    record CorrectDistrict(@NotBlank @Size(max = 100) String district, @NotBlank @Size(max = 1000) String reason) {
    }

    /** The follow-up call: satisfaction and "solved" are separate answers; reopen for a substantive reason. */
    record FollowUp(@NotNull Satisfaction satisfaction, @NotNull Boolean solved, @Nullable Boolean reopen) {
    }
}
