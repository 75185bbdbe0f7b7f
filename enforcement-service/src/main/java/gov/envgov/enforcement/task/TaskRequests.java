package gov.envgov.enforcement.task;

import gov.envgov.enforcement.inspector.RelationKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What inspectors send about their tasks. */
public final class TaskRequests {

    private TaskRequests() {
    }

    /** A conflict with the task's unit: of which kind, and a note for the record. */
    public record Conflict(@NotNull RelationKind kind, @Size(max = 500) String note) {
    }
}
