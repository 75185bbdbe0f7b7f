package gov.envgov.permit.lifecycle;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.ApplicationKind;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.Permit.Transition;
import gov.envgov.permit.permit.PermitContent;
import gov.envgov.permit.permit.PermitQueryService;
import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.permit.permit.PermitRules;
import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/** An issued permit's renewal and its early ends; each runs in one transaction with its event and audit record. */
@Service
public class LifecycleService {

    private final PermitQueryService queries;
    private final PermitRepository permits;
    private final PermitStore store;
    private final PermitRules rules;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    LifecycleService(PermitQueryService queries, PermitRepository permits, PermitStore store, PermitRules rules,
                     TransactionalOperator transactions, BureauTime time) {
        this.queries = queries;
        this.permits = permits;
        this.store = store;
        this.rules = rules;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * Applies for the renewal (延续) of an issued permit, no later than the last day to apply; goes straight to
     * review. A later request is refused, or taken as a new application when so configured.
     */
    public Mono<Permit> renew(UUID id, LifecycleRequests.Renew request, CurrentUser actor) {
        LocalDate today = time.today();
        return transactions.transactional(queries.find(id, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the holder applies for a renewal"));
            }
            ApplicationKind kind = permit.renewalKind(today, rules);
            UUID renews = kind == ApplicationKind.RENEWAL ? permit.id() : null;
            PermitContent content = request == null || request.content() == null ? permit.content()
                    : request.content();
            var expansions = content.expansionsOver(permit.content());
            if (!expansions.isEmpty()) {
                return Mono.error(new DomainException.RuleViolation("new-application-required", "content",
                        "a renewal cannot allow more: " + String.join(", ", expansions)));
            }
            return permits.openApplication(permit.enterpriseCode(), kind, renews)
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .zipWith(permits.issuedRenewalOf(permit.id()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .flatMap(state -> {
                        if (state.getT1().isPresent()) {
                            Permit open = state.getT1().get();
                            return Mono.error(new DomainException.Conflict("application-open", "a renewal of permit "
                                    + permit.id() + " is already under way: application " + open.id() + " (status "
                                    + open.status() + ")",
                                    new DomainException.Blocker("permit application", open.id(), open.status()),
                                    null));
                        }
                        if (state.getT2().isPresent()) {
                            Permit renewal = state.getT2().get();
                            return Mono.error(new DomainException.Conflict("already-renewed", "permit "
                                    + permit.id() + " has been renewed already, by permit " + renewal.id()
                                    + (renewal.validity() == null ? "" : " (" + renewal.validity().number() + ")"),
                                    new DomainException.Blocker("permit", renewal.id(), renewal.status()), null));
                        }
                        Permit draft = Permit.draft(UUID.randomUUID(), permit.enterpriseCode(), permit.holderName(),
                                permit.district(), permit.permitClass(), kind, renews,
                                content, permit.address(), permit.legalRepresentative(), time.now());
                        Transition submitted = draft.submit(today, rules, time.now());
                        return store.insert(draft).then(store.record(submitted, actor.username(), "renew",
                                Map.of("renews", permit.id().toString(), "kind", kind.name())));
                    });
        }));
    }

    /** 撤销 / 吊销 / 注销 (admin only), with a reason and a legal basis that applies today. */
    public Mono<Permit> end(UUID id, LifecycleRequests.EndPermit request, CurrentUser actor) {
        LocalDate today = time.today();
        PermitStatus how = request.how().status();
        String citation = rules.legalBasis(request.legalBasis(), how, today);
        return transactions.transactional(queries.load(id).flatMap(permit -> {
            Transition transition = permit.end(how, request.reason(), citation, time.now());
            return store.record(transition, actor.username(), how.name().toLowerCase(),
                    Map.of("reason", request.reason(), "legalBasis", citation), today);
        }));
    }
}
