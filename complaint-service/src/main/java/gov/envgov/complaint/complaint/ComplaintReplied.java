package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** The complainant was answered. */
public record ComplaintReplied(UUID complaintId, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
