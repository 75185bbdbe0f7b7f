package gov.envgov.complaint.sla;

/** Where a unit's request for more time stands. */
public enum ExtensionStatus {
    PENDING, APPROVED, REFUSED
}
