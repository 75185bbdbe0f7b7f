package gov.envgov.enforcement.inspection;

/** The result of a completed inspection: failed when any item failed. */
public enum InspectionResult {
    PASSED, FAILED
}
