package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** The unit sent the complaint back to dispatch (退单) with a reason. */
public record ComplaintReturned(UUID complaintId, String unit, String reason, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
