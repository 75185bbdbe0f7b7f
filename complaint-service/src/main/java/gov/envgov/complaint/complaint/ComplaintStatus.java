package gov.envgov.complaint.complaint;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The complaint's place in 登记 → 转办 → 办理 → 回复 → 回访 → 办结, and the groups of places the line works by. Queries
 * bind these groups (never state names written into SQL), so a state added here is not missed by a query.
 */
public enum ComplaintStatus {
    REGISTERED, DISPATCHED, ACCEPTED, RETURNED, HANDLING, HANDLED, REPLIED, FOLLOWED_UP, CLOSED,
    /** The same facts as a complaint already being handled: linked to that master, answered with it. */
    LINKED;

    /** The answer is still owed: the clock runs (unless paused) and overdue work escalates. */
    public static final Set<ComplaintStatus> CLOCK_RUNNING = frozen(EnumSet.of(REGISTERED, DISPATCHED, ACCEPTED,
            RETURNED, HANDLING, HANDLED));
    /** Waiting for an operator to dispatch it: new, or sent back by a unit. */
    public static final Set<ComplaintStatus> AWAITING_DISPATCH = frozen(EnumSet.of(REGISTERED, RETURNED));
    /** The operators' queue: dispatch, follow-up and closing (the partial index {@code complaint_operator_queue}). */
    public static final Set<ComplaintStatus> OPERATOR_QUEUE = frozen(EnumSet.of(REGISTERED, RETURNED, REPLIED,
            FOLLOWED_UP));
    /** A unit's queue: dispatched to it and not yet answered (the partial index {@code complaint_unit_queue}). */
    public static final Set<ComplaintStatus> UNIT_QUEUE = frozen(EnumSet.of(DISPATCHED, ACCEPTED, HANDLING,
            HANDLED));
    /** The complainant has the answer; the public may see it. */
    public static final Set<ComplaintStatus> ANSWERED = frozen(EnumSet.of(REPLIED, FOLLOWED_UP, CLOSED));
    /** Done with: closed, or linked to a master that is handled instead. Neither can be a duplicate's master. */
    public static final Set<ComplaintStatus> SETTLED = frozen(EnumSet.of(CLOSED, LINKED));

    private static Set<ComplaintStatus> frozen(EnumSet<ComplaintStatus> states) {
        return Collections.unmodifiableSet(states);
    }
}
