package gov.envgov.complaint.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.domain.DomainException;

/**
 * A handling unit's request for more working days on a complaint, with its reason, and the operator's decision:
 * approved (for the days asked, or fewer) or refused with a note. Decided once. Immutable.
 *
 * @param dueDateAfter the complaint's due date once the approved days were added
 */
public record ExtensionRequest(UUID id, UUID complaintId, String unit, String requestedBy, int workingDays,
                               String reason, Instant requestedAt, ExtensionStatus status,
                               @Nullable String decidedBy, @Nullable Instant decidedAt,
                               @Nullable Integer approvedDays, @Nullable String decisionNote,
                               @Nullable LocalDate dueDateAfter) {

    public ExtensionRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (workingDays < 1) {
            throw new DomainException.RuleViolation("invalid-working-days", "workingDays",
                    "an extension asks for at least 1 working day");
        }
    }

    public static ExtensionRequest open(UUID id, UUID complaintId, String unit, String requestedBy, int workingDays,
                                        String reason, Instant now) {
        return new ExtensionRequest(id, complaintId, unit, requestedBy, workingDays, reason.strip(), now,
                ExtensionStatus.PENDING, null, null, null, null, null);
    }

    /** The days an approval grants: those asked for when none are named, never more, at least one. */
    public int daysToApprove(@Nullable Integer days) {
        int granted = days == null ? workingDays : days;
        if (granted < 1 || granted > workingDays) {
            throw new DomainException.RuleViolation("approved-days-out-of-range", "workingDays",
                    "approve between 1 and the " + workingDays + " working days the unit asked for");
        }
        return granted;
    }

    public ExtensionRequest approve(int days, String by, LocalDate newDueDate, @Nullable String note, Instant now) {
        requirePending();
        daysToApprove(days);
        return new ExtensionRequest(id, complaintId, unit, requestedBy, workingDays, reason, requestedAt,
                ExtensionStatus.APPROVED, by, now, days, note, newDueDate);
    }

    public ExtensionRequest refuse(String by, String note, Instant now) {
        requirePending();
        return new ExtensionRequest(id, complaintId, unit, requestedBy, workingDays, reason, requestedAt,
                ExtensionStatus.REFUSED, by, now, null, note.strip(), null);
    }

    /** A decided request is not decided again; the refusal names the decision that blocks. */
    public void requirePending() {
        if (status != ExtensionStatus.PENDING) {
            throw new DomainException.Conflict("extension-decided", "extension request " + id + " was " + status
                    + " by " + decidedBy + " at " + decidedAt + "; it is decided once");
        }
    }

    /** Another request cannot be made while this one waits: the refusal names it. */
    public DomainException blocksAnother(String trackingCode) {
        return new DomainException.Conflict("extension-pending", "complaint " + trackingCode
                + " has extension request " + id + " (" + workingDays + " working days, asked by " + unit
                + " at " + requestedAt + ") waiting for a decision");
    }
}
