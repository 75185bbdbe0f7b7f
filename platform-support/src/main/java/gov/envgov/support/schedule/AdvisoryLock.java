package gov.envgov.support.schedule;

/**
 * Every PostgreSQL advisory lock the platform takes, in one registry so that no two uses share a key by accident.
 * Each service has its own database, but the keys are kept unique across the platform all the same: a shared
 * server (tests, a small installation) must not see one service's turn block another's.
 */
public enum AdvisoryLock {

    /** The event feed's single writer of positions ({@code EventFeed}). */
    EVENT_SEQUENCER(0x656e76676f76L),
    /** Every service: anchoring its audit chains' heads. */
    AUDIT_ANCHOR(0x616e63686f72L),
    /** complaint-service: escalation of overdue complaints. */
    COMPLAINT_ESCALATION(0x65736361L),
    /** complaint-service: due dates computed again after a year's holiday schedule changed. */
    COMPLAINT_CALENDAR(0x63616c656eL),
    /** permit-service: deemed acceptance of applications (the review clock). */
    PERMIT_CLOCK(0x7065726d6974L),
    /** permit-service: expiry reminders and expiry; its own key, so a review run never makes expiry wait a turn. */
    PERMIT_EXPIRY_CLOCK(0x706578706972L),
    /** permit-service: execution reports that became overdue. */
    REPORT_OVERDUE(0x7265706f7274L);

    private final long key;

    AdvisoryLock(long key) {
        this.key = key;
    }

    public long key() {
        return key;
    }
}
