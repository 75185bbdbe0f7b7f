package gov.envgov.complaint.complaint;

/** The complaint's place in 登记 → 转办 → 办理 → 回复 → 回访 → 办结. */
public enum ComplaintStatus {
    REGISTERED, DISPATCHED, ACCEPTED, RETURNED, HANDLING, HANDLED, REPLIED, FOLLOWED_UP, CLOSED,
    /** The same facts as a complaint already being handled: linked to that master, answered with it. */
    LINKED
}
