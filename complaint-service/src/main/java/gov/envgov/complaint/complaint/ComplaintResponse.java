package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.enterprise.KnownEnterprise;

/** A complaint as its filer and the complaint line's staff see it. */
public record ComplaintResponse(UUID id, String trackingCode, Channel channel, ComplaintType type,
                                Category category, String description, String district,
                                @Nullable EnterpriseRef enterprise, @Nullable String address,
                                @Nullable Location location, ComplaintStatus status, Instant registeredAt,
                                @Nullable LocalDate dueDate, boolean overdue, @Nullable Instant dispatchBy,
                                Complaint.Sla sla, Complaint.Handling handling, long version,
                                @Nullable Complainant complainant) {

    /**
     * With the complainant as this reader may see it (their own in full, masked for staff, else null) and, for an
     * emergency waiting for dispatch, the moment it must be dispatched by.
     */
    public static ComplaintResponse from(Complaint complaint, @Nullable KnownEnterprise enterprise, LocalDate today,
                                         @Nullable Complainant complainant, @Nullable Instant dispatchBy) {
        String code = complaint.enterpriseCode();
        EnterpriseRef ref = code == null ? null
                : new EnterpriseRef(code, enterprise == null ? null : enterprise.name());
        return new ComplaintResponse(complaint.id(), complaint.trackingCode(), complaint.channel(), complaint.type(),
                complaint.category(), complaint.description(), complaint.district(), ref, complaint.address(),
                complaint.location(), complaint.status(), complaint.registeredAt(), complaint.dueDate(),
                complaint.isOverdue(today), dispatchBy, complaint.sla(), complaint.handling(), complaint.version(),
                complainant);
    }

    /** The enterprise complained about, with its name as the registry knows it. */
    public record EnterpriseRef(String code, @Nullable String name) {
    }
}
