package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.complaint.enterprise.KnownEnterprise;

/** A complaint as its filer and the complaint line's staff see it. */
public record ComplaintResponse(UUID id, String trackingCode, Channel channel, ComplaintType type,
                                Category category, String description, String district, EnterpriseRef enterprise,
                                String address, Location location, ComplaintStatus status, Instant registeredAt,
                                LocalDate dueDate, boolean overdue, Instant dispatchBy, Complaint.Sla sla,
                                Complaint.Handling handling, long version, Complainant complainant) {

    static ComplaintResponse from(Complaint complaint, KnownEnterprise enterprise, LocalDate today) {
        return from(complaint, enterprise, today, null, null);
    }

    /**
     * With the complainant as this reader may see it (their own in full, masked for staff, else null) and, for an
     * emergency waiting for dispatch, the moment it must be dispatched by.
     */
    static ComplaintResponse from(Complaint complaint, KnownEnterprise enterprise, LocalDate today,
                                  Complainant complainant, Instant dispatchBy) {
        EnterpriseRef ref = complaint.enterpriseCode() == null ? null
                : new EnterpriseRef(complaint.enterpriseCode(), enterprise == null ? null : enterprise.name());
        return new ComplaintResponse(complaint.id(), complaint.trackingCode(), complaint.channel(), complaint.type(),
                complaint.category(), complaint.description(), complaint.district(), ref, complaint.address(),
                complaint.location(), complaint.status(), complaint.registeredAt(), complaint.dueDate(),
                complaint.isOverdue(today), dispatchBy, complaint.sla(), complaint.handling(), complaint.version(),
                complainant);
    }

    /** The enterprise complained about, with its name as the registry knows it. */
    public record EnterpriseRef(String code, String name) {
    }
}
