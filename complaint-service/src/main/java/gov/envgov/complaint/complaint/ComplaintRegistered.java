package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** A complaint entered the line. Carries no personal data of the complainant. */
public record ComplaintRegistered(UUID complaintId, String trackingCode, Channel channel, Category category,
                                  String district, String enterpriseCode, Instant registeredAt)
        implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
