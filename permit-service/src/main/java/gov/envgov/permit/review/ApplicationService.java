package gov.envgov.permit.review;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.enterprise.EnterpriseService;
import gov.envgov.permit.permit.ApplicationKind;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitClass;
import gov.envgov.permit.permit.PermitQueryService;
import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.permit.permit.PermitRules;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/** The applicant's side of a permit application: apply, edit, submit; each in one transaction. */
@Service
public class ApplicationService {

    private final PermitQueryService queries;
    private final PermitRepository permits;
    private final PermitStore store;
    private final EnterpriseService enterprises;
    private final PermitRules rules;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    ApplicationService(PermitQueryService queries, PermitRepository permits, PermitStore store,
                       EnterpriseService enterprises, PermitRules rules, TransactionalOperator transactions,
                       BureauTime time) {
        this.queries = queries;
        this.permits = permits;
        this.store = store;
        this.enterprises = enterprises;
        this.rules = rules;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * An enterprise applies for itself; one open application at a time, none within the ban after 撤销/吊销. The
     * application starts as a draft.
     */
    public Mono<Permit> apply(ReviewRequests.ApplyForPermit request, CurrentUser actor) {
        if (!actor.actsFor(request.enterpriseCode())) {
            return Mono.error(new DomainException.Forbidden("an enterprise applies only for itself"));
        }
        return transactions.transactional(enterprises.find(request.enterpriseCode())
                .flatMap(enterprise -> permits.lastRevokedOrWithdrawn(enterprise.code(), time.zone())
                        .doOnNext(endedOn -> rules.requireNoReapplicationBan(endedOn, time.today()))
                        .thenReturn(enterprise))
                .flatMap(enterprise -> permits.openApplication(enterprise.code(), ApplicationKind.NEW, null)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(blocking -> {
                            if (blocking.isPresent()) {
                                Permit open = blocking.get();
                                return Mono.error(new DomainException.Conflict("application-open", "enterprise "
                                        + enterprise.code() + " already has open permit application " + open.id()
                                        + " (status " + open.status() + "); continue with that one (GET /api/permits/"
                                        + open.id() + ")",
                                        new DomainException.Blocker("permit application", open.id(), open.status()),
                                        null));
                            }
                            Permit draft = Permit.draft(UUID.randomUUID(), enterprise.code(), enterprise.name(),
                                    enterprise.district(), PermitClass.of(enterprise.managementClass()),
                                    ApplicationKind.NEW, null, request.content(), request.address(),
                                    request.legalRepresentative(), time.now());
                            return store.insert(draft)
                                    .then(store.audit(actor.username(), "apply", draft.id(),
                                            Map.of("enterprise", enterprise.code())))
                                    .thenReturn(draft);
                        })));
    }

    public Mono<Permit> edit(UUID id, ReviewRequests.EditApplication request, CurrentUser actor) {
        return transactions.transactional(queries.find(id, actor).flatMap(permit -> {
            permit.requireVersion(request.version());
            Permit next = permit.edit(request.content(), request.address(), request.legalRepresentative(),
                    time.now());
            return store.store(next, actor.username(), "edit", Map.of("version", next.version()));
        }));
    }

    public Mono<Permit> submit(UUID id, CurrentUser actor) {
        return asApplicant(id, actor, "submit", permit -> permit.submit(time.today(), rules, time.now()));
    }

    /** A step only the applicant takes; staff may see the application, but not take it for the applicant. */
    private Mono<Permit> asApplicant(UUID id, CurrentUser actor, String action,
                                     Function<Permit, Permit.Transition> step) {
        return transactions.transactional(queries.find(id, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the applicant may " + action));
            }
            return store.record(step.apply(permit), actor.username(), action, Map.of());
        }));
    }
}
