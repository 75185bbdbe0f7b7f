package gov.envgov.complaint.reward;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.domain.DomainException;

/**
 * A reward for one complaint, through its four-eyes decision to its payment. Immutable: every step checks the state
 * it starts from and returns the next state.
 *
 * @param grounds why the officer proposes it (what the report led to)
 */
public record Reward(UUID id, UUID complaintId, RewardStatus status, RewardSeverity severity, int amountYuan,
                     String grounds, String proposedBy, Instant proposedAt, @Nullable String decidedBy,
                     @Nullable Instant decidedAt, @Nullable String refusalReason, @Nullable String paymentReference,
                     @Nullable String paidBy, @Nullable Instant paidAt, long version) {

    public Reward {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    public static Reward propose(UUID id, UUID complaintId, RewardSeverity severity, int amountYuan, String grounds,
                                 String officer, Instant now) {
        return new Reward(id, complaintId, RewardStatus.PROPOSED, severity, amountYuan, grounds, officer, now, null,
                null, null, null, null, null, 1);
    }

    /** Another person than the proposer approves (four eyes). */
    public Reward approve(String approver, Instant now) {
        requireDecidable(approver);
        return new Reward(id, complaintId, RewardStatus.APPROVED, severity, amountYuan, grounds, proposedBy,
                proposedAt, approver, now, null, null, null, null, version + 1);
    }

    /** Another person than the proposer refuses, with the reason. */
    public Reward refuse(String approver, String reason, Instant now) {
        requireDecidable(approver);
        return new Reward(id, complaintId, RewardStatus.REFUSED, severity, amountYuan, grounds, proposedBy,
                proposedAt, approver, now, reason, null, null, null, version + 1);
    }

    /** The payment of an approved reward, with the reference of the transfer or receipt. */
    public Reward recordPayment(String payer, String reference, Instant now) {
        if (status != RewardStatus.APPROVED) {
            throw new DomainException.Conflict("reward-not-approved", "only an approved reward is paid; reward " + id
                    + " is " + status + (status == RewardStatus.PROPOSED
                    ? ": approve it first (POST /api/complaints/rewards/" + id + "/approve)" : ""),
                    new DomainException.Blocker("reward", id, status),
                    status == RewardStatus.PROPOSED ? "approve" : null);
        }
        return new Reward(id, complaintId, RewardStatus.PAID, severity, amountYuan, grounds, proposedBy, proposedAt,
                decidedBy, decidedAt, null, reference, payer, now, version + 1);
    }

    private void requireDecidable(String approver) {
        if (status != RewardStatus.PROPOSED) {
            throw new DomainException.Conflict("reward-decided", "reward " + id + " was decided already: " + status,
                    new DomainException.Blocker("reward", id, status), null);
        }
        if (approver.equals(proposedBy)) {
            throw new DomainException.Forbidden("the officer who proposed a reward does not approve it (four eyes)");
        }
    }
}
