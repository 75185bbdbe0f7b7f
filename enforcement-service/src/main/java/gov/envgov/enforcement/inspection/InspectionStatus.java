package gov.envgov.enforcement.inspection;

/** An inspection is performed, then completed with its result; it is never reopened. */
public enum InspectionStatus {
    IN_PROGRESS, COMPLETED
}
