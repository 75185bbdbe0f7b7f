package gov.envgov.permit.change;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitEvent.PermitChangeRejected;
import gov.envgov.permit.permit.PermitEvent.PermitChangeRequested;
import gov.envgov.support.domain.DomainException;

/**
 * A holder's application for an administrative change of its permit, which a reviewer approves or rejects (see
 * {@link ChangeRequestStatus}). Immutable: each transition checks the state it starts from and returns the next
 * state with the event it causes; an approval is the change of the permit itself.
 */
public record ChangeRequest(UUID id, UUID permitId, PermitChange change, ChangeRequestStatus status,
                            String requestedBy, Instant requestedAt, @Nullable String decidedBy,
                            @Nullable Instant decidedAt, @Nullable String reason) {

    public ChangeRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(permitId, "permitId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
    }

    public record Requested(ChangeRequest request, PermitChangeRequested event) {
    }

    /** The request approved, and the change of the permit it makes. */
    public record Approved(ChangeRequest request, Permit.Transition change) {
    }

    public record Rejected(ChangeRequest request, PermitChangeRejected event) {
    }

    /**
     * The holder applies. The change is checked now as it will be on approval, so the holder learns at once what
     * cannot be an administrative change (a stale version, a permit not issued, a change that allows more).
     */
    public static Requested request(UUID id, Permit permit, PermitChange change, String by, Instant now) {
        Permit.Transition dryRun = change.applyTo(permit, now);
        ChangeRequest request = new ChangeRequest(id, permit.id(), change, ChangeRequestStatus.PENDING, by, now,
                null, null, null);
        return new Requested(request, new PermitChangeRequested(permit.id(), dryRun.permit().enterpriseCode(), id));
    }

    /** A reviewer approves: the change applies to the permit as it is now. */
    public Approved approve(Permit permit, String by, Instant now) {
        requireOpenFor(permit, "approve");
        Permit.Transition applied = change.applyTo(permit, now);
        return new Approved(decided(ChangeRequestStatus.APPROVED, by, now, null), applied);
    }

    /** A reviewer rejects, with a reason; the permit stays as it is. */
    public Rejected reject(Permit permit, String why, String by, Instant now) {
        requireOpenFor(permit, "reject");
        return new Rejected(decided(ChangeRequestStatus.REJECTED, by, now, why),
                new PermitChangeRejected(permitId, permit.enterpriseCode(), id, why));
    }

    private void requireOpenFor(Permit permit, String action) {
        if (!permit.id().equals(permitId)) {
            throw new IllegalArgumentException("change request " + id + " is not for permit " + permit.id());
        }
        if (status != ChangeRequestStatus.PENDING) {
            throw new DomainException.Conflict("change-decided", "cannot " + action + " change request " + id
                    + " of permit " + permitId + ": it is " + status + " already",
                    new DomainException.Blocker("change request", id, status), null);
        }
    }

    private ChangeRequest decided(ChangeRequestStatus next, String by, Instant at, @Nullable String why) {
        return new ChangeRequest(id, permitId, change, next, requestedBy, requestedAt, by, at, why);
    }
}
