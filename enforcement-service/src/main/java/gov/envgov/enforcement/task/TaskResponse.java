package gov.envgov.enforcement.task;

import java.util.List;
import java.util.UUID;

/** An inspection task as staff see it: the unit and the ids of the inspectors drawn for it. */
public record TaskResponse(UUID id, UUID drawId, String enterpriseCode, TaskStatus status, List<UUID> inspectors) {

    static TaskResponse from(InspectionTask task) {
        return new TaskResponse(task.id(), task.drawId(), task.enterpriseCode(), task.status(), task.inspectors());
    }
}
