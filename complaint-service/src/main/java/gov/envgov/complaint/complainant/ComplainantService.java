package gov.envgov.complaint.complainant;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.envgov.complaint.complainant.IdentityAccess.View;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The identity vault's use cases. Who may see a complainant is the complaint's rule, checked by the caller before
 * it asks; the vault makes sure that every access by staff, masked or in full, is written to the access log, and
 * every reveal in full to the audit trail as well.
 */
@Service
public class ComplainantService {

    /** Reveals are recorded in the audit chain of the complaint they concern. */
    private static final String AUDIT_TYPE = "complaint";

    private final ComplainantRepository complainants;
    private final AuditTrail audit;
    private final IdentityAccessLog accessLog;
    private final Clock clock;

    ComplainantService(ComplainantRepository complainants, AuditTrail audit, IdentityAccessLog accessLog,
                       Clock clock) {
        this.complainants = complainants;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The identity given with a complaint, in full, for the complainant themself (their own data, not logged). */
    public Mono<Complainant> find(UUID complaintId) {
        return complainants.find(complaintId);
    }

    /** The identity masked, for staff who read the complaint; the access is logged. */
    public Mono<Complainant> masked(UUID complaintId, String actor) {
        return complainants.find(complaintId)
                .flatMap(complainant -> accessLog.record(complaintId, actor, View.MASKED, clock.instant())
                        .thenReturn(complainant.masked()));
    }

    /** Who saw the identity given with a complaint, masked or in full, oldest first. */
    public Flux<IdentityAccess> accesses(UUID complaintId) {
        return accessLog.of(complaintId);
    }

    /** The identity in full for {@code actor}, who must call back; run it in the caller's transaction. */
    public Mono<Complainant> reveal(UUID complaintId, String actor) {
        return complainants.find(complaintId)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complainant of complaint",
                        complaintId.toString())))
                .flatMap(complainant -> audit.record(actor, "reveal-complainant", AUDIT_TYPE, complaintId.toString(),
                                Map.of())
                        .then(accessLog.record(complaintId, actor, View.FULL, clock.instant()))
                        .thenReturn(complainant));
    }
}
