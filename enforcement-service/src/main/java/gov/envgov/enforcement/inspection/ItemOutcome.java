package gov.envgov.enforcement.inspection;

/** The outcome of one checklist item: not checked yet, passed, or failed with a finding. */
public enum ItemOutcome {
    PENDING, PASSED, FAILED
}
