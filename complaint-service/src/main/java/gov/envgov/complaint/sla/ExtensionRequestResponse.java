package gov.envgov.complaint.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A unit's request for more time, with the complaint it is about and its decision. */
public record ExtensionRequestResponse(UUID id, UUID complaintId, String trackingCode,
                                       @Nullable LocalDate complaintDueDate, String unit, String requestedBy,
                                       int workingDays, String reason, Instant requestedAt, ExtensionStatus status,
                                       @Nullable String decidedBy, @Nullable Instant decidedAt,
                                       @Nullable Integer approvedDays, @Nullable String decisionNote,
                                       @Nullable LocalDate dueDateAfter) {

    static ExtensionRequestResponse from(ExtensionRequestRepository.Listed listed) {
        ExtensionRequest r = listed.request();
        return new ExtensionRequestResponse(r.id(), r.complaintId(), listed.trackingCode(), listed.dueDate(),
                r.unit(), r.requestedBy(), r.workingDays(), r.reason(), r.requestedAt(), r.status(), r.decidedBy(),
                r.decidedAt(), r.approvedDays(), r.decisionNote(), r.dueDateAfter());
    }
}
