package gov.envgov.complaint.reward;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A reward as staff see it: the complaint by its tracking code, never the complainant's name, so that a list of
 * rewards never puts an amount beside a person.
 */
public record RewardResponse(UUID id, UUID complaintId, String trackingCode, RewardStatus status,
                             RewardSeverity severity, int amountYuan, String grounds, String proposedBy,
                             Instant proposedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                             @Nullable String refusalReason, @Nullable String paymentReference,
                             @Nullable String paidBy, @Nullable Instant paidAt, long version) {

    static RewardResponse from(Reward r, String trackingCode) {
        return new RewardResponse(r.id(), r.complaintId(), trackingCode, r.status(), r.severity(), r.amountYuan(),
                r.grounds(), r.proposedBy(), r.proposedAt(), r.decidedBy(), r.decidedAt(), r.refusalReason(),
                r.paymentReference(), r.paidBy(), r.paidAt(), r.version());
    }

    /** What the complainant sees of their own reward: its state and amount, no officer names or references. */
    public record Own(String trackingCode, RewardStatus status, int amountYuan, @Nullable Instant paidAt) {

        static Own from(Reward r, String trackingCode) {
            return new Own(trackingCode, r.status(), r.amountYuan(), r.paidAt());
        }
    }
}
