package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** The follow-up call (回访) was made; a reopened complaint goes back to its unit. */
public record ComplaintFollowedUp(UUID complaintId, Satisfaction satisfaction, boolean solved,
                                  boolean reopened, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
