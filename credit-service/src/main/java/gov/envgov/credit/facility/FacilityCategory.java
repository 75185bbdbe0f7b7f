package gov.envgov.credit.facility;

/** The sections of a facility report, in the order it shows them. */
public enum FacilityCategory {
    PERMIT, REPORT, MONITORING, INSPECTION, COMPLAINT, CASE, PENALTY
}
