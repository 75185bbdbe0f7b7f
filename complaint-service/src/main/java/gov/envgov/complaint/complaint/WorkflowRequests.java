package gov.envgov.complaint.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Commands of the handling workflow, as request bodies. */
final class WorkflowRequests {

    private WorkflowRequests() {
    }

    /** Dispatch to a unit; without one, to the unit the routing rules pick. */
    record Dispatch(@Size(max = 100) String unit) {
    }

    record Return(@NotBlank @Size(max = 1000) String reason) {
    }

    record RecordHandling(@NotNull Boolean substantiated, @NotBlank @Size(max = 4000) String findings) {
    }

    record Reply(@NotBlank @Size(max = 4000) String text) {
    }

    /** The follow-up call: satisfaction and "solved" are separate answers; reopen for a substantive reason. */
    record FollowUp(@NotNull Satisfaction satisfaction, @NotNull Boolean solved, Boolean reopen) {
    }

    /** Approve an extension before the deadline; the reason is told to the complainant. */
    record Extend(@NotNull java.time.LocalDate dueDate, @NotBlank @Size(max = 1000) String reason) {
    }

    record LinkDuplicate(@NotNull java.util.UUID masterId) {
    }
}
