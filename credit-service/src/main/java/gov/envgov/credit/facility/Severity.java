package gov.envgov.credit.facility;

/**
 * What a fact means for its quarter (CRD-FACILITY-QUARTERS): {@code NONE} is compliance information, a
 * {@code VIOLATION} puts its quarter in violation, a {@code SIGNIFICANT} one (a penalty decided, discharge without a
 * permit, the annual permitted quantity exceeded) marks it as a significant violation.
 */
public enum Severity {
    NONE, VIOLATION, SIGNIFICANT
}
