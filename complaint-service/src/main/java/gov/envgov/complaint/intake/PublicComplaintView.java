package gov.envgov.complaint.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintType;

/**
 * What anyone holding a tracking code and its secret may see: progress and the reply, no description, no location,
 * nothing about the complainant.
 */
public record PublicComplaintView(String trackingCode, ComplaintType type, Category category, String district,
                                  ComplaintStatus status, Instant registeredAt, @Nullable LocalDate dueDate,
                                  @Nullable String extensionReason, @Nullable String reply) {

    static PublicComplaintView from(Complaint complaint) {
        return new PublicComplaintView(complaint.trackingCode(), complaint.type(), complaint.category(),
                complaint.district(), complaint.status(), complaint.registeredAt(), complaint.dueDate(),
                complaint.sla().extensionReason(),
                ComplaintStatus.ANSWERED.contains(complaint.status()) ? complaint.handling().reply() : null);
    }
}
