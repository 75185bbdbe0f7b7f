package gov.envgov.complaint.reward;

/** How serious the reported violation proved to be; the reward table has one amount per severity. */
public enum RewardSeverity {
    /** 一般 */
    GENERAL,
    /** 较大 */
    SERIOUS,
    /** 重大 */
    MAJOR
}
