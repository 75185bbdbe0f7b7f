package gov.envgov.permit.enterprise;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
    /** Units per insert and per audit statement of an import: fourteen values a row, 65,535 at most a statement. */
    private static final int IMPORT_CHUNK = 1000;

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

    /**
     * Registers every enterprise of the list that is not registered yet, all in one transaction (PERF-BULK-IMPORT):
     * nothing of a failed import stays. A code twice in the list counts once, from its first entry. The units are
     * inserted in code order, a thousand per statement, so two imports that overlap wait for each other instead of
     * deadlocking; their events and audit entries follow in the order of the list.
     */
    public Mono<ImportResult> importAll(List<RegisterEnterpriseRequest> requests, CurrentUser actor) {
        requests.forEach(request -> requireKnownDistrict(request.district()));
        var now = clock.instant();
        Map<String, Enterprise.Changed<EnterpriseRegistered>> units = new LinkedHashMap<>();
        requests.forEach(request -> units.computeIfAbsent(request.code(),
                code -> Enterprise.register(code, request.details(), request.contact(), now)));
        List<Enterprise> byCode = units.values().stream().map(Enterprise.Changed::enterprise)
                .sorted(Comparator.comparing(Enterprise::code)).toList();
        return transactions.transactional(Flux.fromIterable(byCode).buffer(IMPORT_CHUNK)
                .concatMap(enterprises::insertAll)
                .collect(Collectors.toSet())
                .flatMap(inserted -> {
                    List<Enterprise.Changed<EnterpriseRegistered>> registered = units.values().stream()
                            .filter(unit -> inserted.contains(unit.enterprise().code())).toList();
                    return outbox.appendAll(registered.stream().map(Enterprise.Changed::event).toList())
                            .then(Flux.fromIterable(registered).buffer(IMPORT_CHUNK)
                                    .concatMap(chunk -> audit.recordFirst(chunk.stream()
                                            .map(unit -> importEntry(actor, unit.enterprise())).toList()))
                                    .then())
                            .thenReturn(new ImportResult(registered.size(), requests.size() - registered.size()));
                }));
    }

    /**
     * The first entry of an imported unit's chain: the unit was inserted in the calling transaction, so nobody else
     * can have written to its chain.
     */
    private static AuditTrail.FirstEntry importEntry(CurrentUser actor, Enterprise enterprise) {
        return new AuditTrail.FirstEntry(actor.username(), "register", AUDIT_TYPE, enterprise.code(),
                Map.of("name", enterprise.name(), "via", "import"));
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
