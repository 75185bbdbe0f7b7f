package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** The handling unit took the complaint on. */
public record ComplaintAccepted(UUID complaintId, String unit, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
