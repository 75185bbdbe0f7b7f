package gov.envgov.credit.rectification;

/** Where a quarterly rectification report stands. */
public enum RectificationStatus {
    /** Owed, its day not yet passed. */
    DUE,
    /** Owed and its day passed; it may still be filed, as late. */
    OVERDUE,
    /** Filed, waiting for the credit officer. */
    FILED,
    /** Returned by the credit officer with a note: to be filed again. */
    RETURNED,
    /** Accepted. */
    ACCEPTED,
    /** No longer owed: the grade in force no longer asks for reports. */
    WAIVED
}
