package gov.envgov.complaint.complaint;

/** The kind of request; it sets the time limit (configured per type in working days). */
public enum ComplaintType {
    CONSULTATION, HELP, COMPLAINT, EMERGENCY
}
