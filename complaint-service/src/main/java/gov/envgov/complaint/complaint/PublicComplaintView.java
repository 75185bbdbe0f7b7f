package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

/**
 * What anyone holding a tracking code and its secret may see: progress and the reply, no description, no location,
 * nothing about the complainant.
 */
public record PublicComplaintView(String trackingCode, ComplaintType type, Category category, String district,
                                  ComplaintStatus status, Instant registeredAt, LocalDate dueDate,
                                  String extensionReason, String reply) {

    private static final EnumSet<ComplaintStatus> ANSWERED = EnumSet.of(ComplaintStatus.REPLIED,
            ComplaintStatus.FOLLOWED_UP, ComplaintStatus.CLOSED);

    static PublicComplaintView from(Complaint complaint) {
        return new PublicComplaintView(complaint.trackingCode(), complaint.type(), complaint.category(),
                complaint.district(), complaint.status(), complaint.registeredAt(), complaint.dueDate(),
                complaint.sla().extensionReason(), ANSWERED.contains(complaint.status()) ? complaint.handling().reply() : null);
    }
}
