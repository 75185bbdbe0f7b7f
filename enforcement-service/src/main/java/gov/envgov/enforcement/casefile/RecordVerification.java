package gov.envgov.enforcement.casefile;

import java.time.Instant;
import java.util.List;

import gov.envgov.support.audit.AuditAnchors;
import gov.envgov.support.audit.AuditTrail;

/**
 * A full-process record (全过程记录) of a case or an inspection re-checked: every act, the chain's links and its last
 * anchor.
 */
public record RecordVerification(boolean intact, AuditAnchors.Verification verification, List<Act> acts) {

    /** One act of the record, with the hash that the next act and the anchors build on. */
    public record Act(Instant at, String actor, String action, String details, String hash) {
    }

    public static RecordVerification of(AuditAnchors.Verification verification, List<AuditTrail.Entry> entries) {
        return new RecordVerification(verification.intact(), verification, entries.stream()
                .map(entry -> new Act(entry.at(), entry.actor(), entry.action(), entry.details(), entry.hash()))
                .toList());
    }
}
