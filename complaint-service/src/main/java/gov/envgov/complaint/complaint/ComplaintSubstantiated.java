package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * Handling found a complaint against an enterprise substantiated: a clue for enforcement and a record for credit.
 * Carries no personal data of the complainant.
 */
public record ComplaintSubstantiated(UUID complaintId, String enterpriseCode, Category category, String district,
                                     String findings, Instant at) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Complaint";
    }

    @Override
    public String aggregateId() {
        return complaintId.toString();
    }
}
