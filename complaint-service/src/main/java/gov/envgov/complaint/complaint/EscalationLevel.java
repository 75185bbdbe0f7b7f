package gov.envgov.complaint.complaint;

/** How far overdue work has escalated; a level only ever rises. */
public enum EscalationLevel {
    NONE,
    /** 催办: the unit is reminded. */
    REMINDER,
    /** 督办: the supervising office follows the case. */
    SUPERVISION,
    /** 通报: the unit is named in a public notice. */
    PUBLIC_NOTICE
}
