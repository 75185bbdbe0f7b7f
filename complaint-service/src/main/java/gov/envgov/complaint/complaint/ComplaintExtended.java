package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** An extension was approved before the deadline; the reason is told to the complainant. */
public record ComplaintExtended(UUID complaintId, java.time.LocalDate dueDate, String reason,
                                Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
