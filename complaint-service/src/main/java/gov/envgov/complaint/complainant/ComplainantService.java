package gov.envgov.complaint.complainant;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;

/**
 * The identity vault's use cases. Who may see a complainant is the complaint's rule, checked by the caller before
 * it asks; the vault makes sure that every reveal in full is written to the audit trail.
 */
@Service
public class ComplainantService {

    /** Reveals are recorded in the audit chain of the complaint they concern. */
    private static final String AUDIT_TYPE = "complaint";

    private final ComplainantRepository complainants;
    private final AuditTrail audit;

    ComplainantService(ComplainantRepository complainants, AuditTrail audit) {
        this.complainants = complainants;
        this.audit = audit;
    }

    /** The identity given with a complaint, in full; the caller masks it for whoever is not the complainant. */
    public Mono<Complainant> find(UUID complaintId) {
        return complainants.find(complaintId);
    }

    /** The identity in full for {@code actor}, who must call back; run it in the caller's transaction. */
    public Mono<Complainant> reveal(UUID complaintId, String actor) {
        return complainants.find(complaintId)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complainant of complaint",
                        complaintId.toString())))
                .flatMap(complainant -> audit.record(actor, "reveal-complainant", AUDIT_TYPE, complaintId.toString(),
                        Map.of()).thenReturn(complainant));
    }
}
