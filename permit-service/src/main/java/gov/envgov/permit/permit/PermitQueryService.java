package gov.envgov.permit.permit;

import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading permits, with the rule who may see which: staff see every permit, an enterprise only its own, and anything
 * else is "not found", not "forbidden", so that existence does not leak. The other features read permits here.
 */
@Service
public class PermitQueryService {

    private final PermitRepository permits;
    private final AuditTrail audit;

    PermitQueryService(PermitRepository permits, AuditTrail audit) {
        this.permits = permits;
        this.audit = audit;
    }

    /** A permit as the caller may see it. */
    public Mono<Permit> find(UUID id, CurrentUser actor) {
        return load(id).filter(permit -> actor.isStaff() || actor.actsFor(permit.enterpriseCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }

    /** A permit whoever asks, for use cases that security already limits to staff. */
    public Mono<Permit> load(UUID id) {
        return permits.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }

    public Mono<PageResponse<Permit>> forEnterprise(String enterpriseCode, PageRequest page, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(enterpriseCode)) {
            return Mono.error(new DomainException.NotFound("enterprise", enterpriseCode));
        }
        return permits.forEnterprise(enterpriseCode, page.offset(), page.size()).collectList()
                .zipWith(permits.countForEnterprise(enterpriseCode))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** Every permit of a holder, newest first (for the compliance picture). */
    public Flux<Permit> allForEnterprise(String enterpriseCode) {
        return permits.allForEnterprise(enterpriseCode);
    }

    /** Who did what to a permit; read only once the caller may see the permit. */
    public Flux<AuditTrail.Entry> history(UUID id, CurrentUser actor) {
        return find(id, actor).thenMany(Flux.defer(() -> audit.history(PermitStore.AUDIT_TYPE, id.toString())));
    }
}
