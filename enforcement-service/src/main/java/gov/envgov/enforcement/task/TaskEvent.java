package gov.envgov.enforcement.task;

import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** Events of inspection tasks. None names a unit or an inspector: who inspects whom stays confidential. */
public sealed interface TaskEvent extends PublishedEvent {

    UUID drawId();

    @Override
    default String aggregateType() {
        return "draw";
    }

    @Override
    default String aggregateId() {
        return drawId().toString();
    }

    /** Inspectors were drawn for every unit of a draw. */
    record InspectionTasksAssigned(UUID drawId, int tasks, int inspectorsPerTask) implements TaskEvent {
    }

    /** An inspector declared a conflict and another was drawn in their place. */
    record TaskInspectorReplaced(UUID drawId, UUID taskId) implements TaskEvent {
    }
}
