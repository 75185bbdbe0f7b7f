package gov.envgov.credit.ledger;

/** Whether a record counts. Only {@link #ACTIVE} records are scored; the others stay visible with their reason. */
public enum RecordStatus {
    ACTIVE,
    /** The penalty decision it came from was withdrawn (DecisionWithdrawn). */
    WITHDRAWN,
    /** An upheld objection found it wrong. */
    CORRECTED,
    /** Taken out of the count by an approved credit repair (信用修复); still visible to staff. */
    REPAIRED
}
