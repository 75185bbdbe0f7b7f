package gov.envgov.enforcement.task;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/** One drawn unit to inspect, and the inspectors drawn for it. */
public record InspectionTask(UUID id, UUID drawId, String enterpriseCode, TaskStatus status, List<UUID> inspectors,
                             long version) {

    public InspectionTask {
        inspectors = List.copyOf(inspectors);
    }

    public boolean isAssignedTo(UUID inspector) {
        return inspectors.contains(inspector);
    }

    /** Inspectors change only until the inspection starts: from then on they are the ones who perform it. */
    public void requireAssigned() {
        if (status != TaskStatus.ASSIGNED) {
            throw new DomainException.Conflict("invalid-transition", "task " + id + " is " + status
                    + ": its inspectors no longer change", new DomainException.Blocker("inspection task", id, status),
                    null);
        }
    }

    /** The task with {@code leaving} replaced by {@code replacement}, in the same place of the list. */
    public InspectionTask replace(UUID leaving, UUID replacement) {
        requireAssigned();
        if (!isAssignedTo(leaving)) {
            throw new DomainException.Forbidden("only an inspector on the task declares a conflict for it");
        }
        List<UUID> next = new ArrayList<>(inspectors);
        next.set(next.indexOf(leaving), replacement);
        return new InspectionTask(id, drawId, enterpriseCode, status, next, version);
    }
}
