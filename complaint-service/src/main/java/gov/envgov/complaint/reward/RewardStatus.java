package gov.envgov.complaint.reward;

/** {@code PROPOSED → APPROVED → PAID}, or {@code PROPOSED → REFUSED}. */
public enum RewardStatus {
    PROPOSED, APPROVED, REFUSED, PAID
}
