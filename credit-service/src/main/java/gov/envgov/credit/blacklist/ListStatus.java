package gov.envgov.credit.blacklist;

public enum ListStatus {
    /** Prior notice served; the subject may respond until the response deadline. */
    NOTICED,
    /** On the public list. */
    LISTED,
    /** Off the list: the maximum period ended, or an early exit after the minimum. */
    REMOVED,
    /** Not listed after all (the response was accepted, or the basis fell away). */
    DROPPED
}
