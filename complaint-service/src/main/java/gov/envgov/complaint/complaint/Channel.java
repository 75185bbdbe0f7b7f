package gov.envgov.complaint.complaint;

/** How the complaint reached the bureau; all channels share one registration. */
public enum Channel {
    WEB, HOTLINE, OPEN311, APP, LETTER
}
