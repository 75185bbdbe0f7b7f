package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** A complaint went to a handling unit (转办). */
public record ComplaintDispatched(UUID complaintId, String unit, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
