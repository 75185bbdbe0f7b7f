package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** Overdue work escalated: reminder (催办), supervision (督办) or public notice (通报). */
public record ComplaintEscalated(UUID complaintId, String unit, EscalationLevel level,
                                 java.time.LocalDate dueDate, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
