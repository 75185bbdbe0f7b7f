package gov.envgov.permit.permit;

import java.util.EnumSet;
import java.util.Set;

/**
 * An application's and then a permit's state: {@code DRAFT → SUBMITTED → (SUPPLEMENT_REQUESTED → SUBMITTED) →
 * ACCEPTED → [SITE_CHECK] → ISSUED | REJECTED}; an issued permit ends as {@code REVOKED} (撤销), {@code WITHDRAWN}
 * (吊销), {@code CANCELLED} (注销), {@code EXPIRED}, or {@code SUPERSEDED} by its renewal or a new permit.
 */
public enum PermitStatus {
    DRAFT, SUBMITTED, SUPPLEMENT_REQUESTED, ACCEPTED, SITE_CHECK, ISSUED, REJECTED,
    REVOKED, WITHDRAWN, CANCELLED, EXPIRED, SUPERSEDED;

    /** Applications a reviewer must decide: the decision clock runs. */
    public static final Set<PermitStatus> UNDER_REVIEW = EnumSet.of(SUBMITTED, ACCEPTED, SITE_CHECK);

    /** Applications still open (the enterprise may not start another of the same kind). */
    public static final Set<PermitStatus> OPEN = EnumSet.of(DRAFT, SUBMITTED, SUPPLEMENT_REQUESTED, ACCEPTED,
            SITE_CHECK);

    /** Permits that stopped binding before their last valid day: what they still owed after it is dropped. */
    public static final Set<PermitStatus> ENDED_EARLY = EnumSet.of(REVOKED, WITHDRAWN, CANCELLED, SUPERSEDED);
}
