package gov.envgov.permit.enterprise;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The enterprise registry's use cases; each runs in one transaction with its event and audit record. */
@Service
public class EnterpriseService {

    private static final String AUDIT_TYPE = "enterprise";

    private final EnterpriseRepository enterprises;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Districts districts;
    private final TransactionalOperator transactions;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository enterprises, Outbox outbox, AuditTrail audit, Districts districts,
                      TransactionalOperator transactions, Clock clock) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.districts = districts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Enterprise> register(RegisterEnterpriseRequest request, CurrentUser actor) {
        requireKnownDistrict(request.district());
        var registered = Enterprise.register(request.code(), request.details(), request.contact(), clock.instant());
        return transactions.transactional(enterprises.insert(registered.enterprise())
                .flatMap(inserted -> inserted ? Mono.empty() : Mono.error(new DomainException.Conflict(
                        "enterprise-exists", "enterprise " + request.code() + " is already registered",
                        new DomainException.Blocker("enterprise", request.code(), null), null)))
                .then(outbox.append(registered.event()))
                .then(audit.record(actor.username(), "register", AUDIT_TYPE, request.code(),
                        Map.of("name", request.name(), "district", request.district())))
                .thenReturn(registered.enterprise()));
    }

    /** Registers every enterprise of the list that is not registered yet, all in one transaction. */
    public Mono<ImportResult> importAll(List<RegisterEnterpriseRequest> requests, CurrentUser actor) {
        requests.forEach(request -> requireKnownDistrict(request.district()));
        var now = clock.instant();
        return transactions.transactional(Flux.fromIterable(requests)
                .concatMap(request -> {
                    var registered = Enterprise.register(request.code(), request.details(), request.contact(), now);
                    return enterprises.insert(registered.enterprise()).flatMap(inserted -> !inserted
                            ? Mono.just(false)
                            : outbox.append(registered.event())
                                    .then(audit.record(actor.username(), "register", AUDIT_TYPE, request.code(),
                                            Map.of("name", request.name(), "via", "import")))
                                    .thenReturn(true));
                })
                .reduce(new ImportResult(0, 0), (result, inserted) -> inserted
                        ? new ImportResult(result.registered() + 1, result.alreadyRegistered())
                        : new ImportResult(result.registered(), result.alreadyRegistered() + 1)));
    }

    public Mono<Enterprise> change(String code, ChangeEnterpriseRequest request, CurrentUser actor) {
        requireKnownDistrict(request.district());
        return transactions.transactional(load(code)
                .flatMap(current -> {
                    requireVersion(current, request.version());
                    return current.change(request.details(), clock.instant())
                            .map(changed -> store(changed.enterprise())
                                    .then(outbox.append(changed.event()))
                                    .then(audit.record(actor.username(), "change", AUDIT_TYPE, code,
                                            Map.of("version", changed.enterprise().version())))
                                    .thenReturn(changed.enterprise()))
                            .orElse(Mono.just(current));
                }));
    }

    public Mono<Enterprise> changeContact(String code, ChangeContactRequest request, CurrentUser actor) {
        if (!actor.hasRole(Roles.ADMIN) && !actor.actsFor(code)) {
            return Mono.error(new DomainException.Forbidden("only the enterprise itself or staff change its contact"));
        }
        return transactions.transactional(load(code)
                .flatMap(current -> {
                    requireVersion(current, request.version());
                    Enterprise next = current.changeContact(request.contact(), clock.instant());
                    return store(next)
                            .then(audit.record(actor.username(), "change-contact", AUDIT_TYPE, code,
                                    Map.of("version", next.version())))
                            .thenReturn(next);
                }));
    }

    public Mono<Enterprise> find(String code) {
        return load(code);
    }

    public Mono<PageResponse<Enterprise>> search(EnterpriseQuery query, PageRequest page) {
        return enterprises.search(query, page.offset(), page.size()).collectList()
                .zipWith(enterprises.count(query))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    public Flux<AuditTrail.Entry> history(String code) {
        return load(code).thenMany(audit.history(AUDIT_TYPE, code));
    }

    private Mono<Enterprise> load(String code) {
        return enterprises.find(code).switchIfEmpty(Mono.error(new DomainException.NotFound("enterprise", code)));
    }

    private Mono<Void> store(Enterprise next) {
        return enterprises.update(next).flatMap(updated -> updated ? Mono.<Void>empty()
                : Mono.error(staleVersion(next.code())));
    }

    private static void requireVersion(Enterprise current, long expected) {
        if (current.version() != expected) {
            throw staleVersion(current.code());
        }
    }

    private static DomainException staleVersion(String code) {
        return new DomainException.Conflict("stale-version",
                "enterprise " + code + " was changed by someone else; reload it and apply your change again");
    }

    private void requireKnownDistrict(String district) {
        if (!districts.isKnown(district)) {
            throw new DomainException.RuleViolation("unknown-district", "district",
                    "'" + district + "' is not a district of this city");
        }
    }
}
