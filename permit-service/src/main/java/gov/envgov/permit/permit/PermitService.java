package gov.envgov.permit.permit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.enterprise.Enterprise;
import gov.envgov.permit.enterprise.EnterpriseService;
import gov.envgov.permit.enterprise.ManagementClass;
import gov.envgov.permit.permit.Permit.Transition;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The permit workflow's use cases; each runs in one transaction with its event and audit record. */
@Service
public class PermitService {

    static final String AUDIT_TYPE = "permit";
    private static final String SYSTEM = "system";

    private final PermitRepository permits;
    private final EnterpriseService enterprises;
    private final PermitRules rules;
    private final List<PermitObligations> obligations;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final ZoneId zone;

    PermitService(PermitRepository permits, EnterpriseService enterprises, PermitRules rules,
                  List<PermitObligations> obligations, Outbox outbox, AuditTrail audit, DatabaseClient db,
                  TransactionalOperator transactions, Clock clock, ZoneId zone) {
        this.permits = permits;
        this.enterprises = enterprises;
        this.rules = rules;
        this.obligations = obligations;
        this.outbox = outbox;
        this.audit = audit;
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Mono<Permit> apply(PermitRequests.ApplyForPermit request, CurrentUser actor) {
        if (!actor.actsFor(request.enterpriseCode())) {
            return Mono.error(new DomainException.Forbidden("an enterprise applies only for itself"));
        }
        return transactions.transactional(enterprises.find(request.enterpriseCode())
                .flatMap(enterprise -> permits.hasOpenApplication(enterprise.code(), ApplicationKind.NEW, null)
                        .flatMap(open -> {
                            if (open) {
                                return Mono.error(new DomainException.Conflict("application-open",
                                        "this enterprise already has an open permit application"));
                            }
                            Permit draft = Permit.draft(UUID.randomUUID(), enterprise.code(), enterprise.name(),
                                    enterprise.district(), classOf(enterprise), ApplicationKind.NEW, null,
                                    request.content(), request.address(), request.legalRepresentative(),
                                    clock.instant());
                            return permits.insert(draft)
                                    .then(audit.record(actor.username(), "apply", AUDIT_TYPE, draft.id().toString(),
                                            Map.of("enterprise", enterprise.code())))
                                    .thenReturn(draft);
                        })));
    }

    /**
     * Moves in permits issued before this system (admin). A holder that has a permit here already is skipped, so a
     * repeated import changes nothing. Each permit is stored with its limits, report schedule, event and audit.
     */
    public Mono<PermitRequests.ImportResult> importAll(PermitRequests.ImportPermits request, CurrentUser actor) {
        LocalDate today = today();
        return transactions.transactional(Flux.fromIterable(request.permits()).index().concatMap(indexed -> {
            var item = indexed.getT2();
            return enterprises.find(item.enterpriseCode())
                    .onErrorMap(DomainException.NotFound.class, e -> new DomainException.RuleViolation(
                            "unknown-enterprise", "permits[" + indexed.getT1() + "].enterpriseCode",
                            item.enterpriseCode() + " is not registered"))
                    .flatMap(enterprise -> permits.hasNumberedPermit(enterprise.code()).flatMap(holds -> {
                        if (holds) {
                            return Mono.just(false);
                        }
                        Transition imported = Permit.imported(UUID.randomUUID(), enterprise.code(), enterprise.name(),
                                enterprise.district(), classOf(enterprise), item.content(), item.address(),
                                item.legalRepresentative(), rules.numberFor(enterprise.code()), item.validFrom(),
                                rules, clock.instant());
                        Permit permit = imported.permit();
                        LocalDate reportsFrom = item.reportsFrom() == null ? today : item.reportsFrom();
                        return permits.insert(permit)
                                .then(permits.syncLimits(permit, permit.validity().validTo()))
                                .then(Flux.fromIterable(obligations)
                                        .concatMap(o -> o.permitImported(permit, reportsFrom)).then())
                                .then(outbox.append(imported.event()))
                                .then(audit.record(actor.username(), "import", AUDIT_TYPE, permit.id().toString(),
                                        Map.of("number", permit.validity().number(), "validFrom",
                                                item.validFrom().toString())))
                                .thenReturn(true);
                    }));
        }).reduce(new PermitRequests.ImportResult(0, 0), (result, imported) -> imported
                ? new PermitRequests.ImportResult(result.imported() + 1, result.alreadyHoldingAPermit())
                : new PermitRequests.ImportResult(result.imported(), result.alreadyHoldingAPermit() + 1)));
    }

    public Mono<Permit> edit(UUID id, PermitRequests.EditApplication request, CurrentUser actor) {
        return transactions.transactional(loadOwned(id, actor).flatMap(permit -> {
            requireVersion(permit, request.version());
            Permit next = permit.edit(request.content(), request.address(), request.legalRepresentative(),
                    clock.instant());
            return store(next).then(audit.record(actor.username(), "edit", AUDIT_TYPE, id.toString(),
                    Map.of("version", next.version()))).thenReturn(next);
        }));
    }

    public Mono<Permit> submit(UUID id, CurrentUser actor) {
        return transition(id, actor, true, "submit", permit -> permit.submit(today(), rules, clock.instant()),
                Map.of());
    }

    public Mono<Permit> requestSupplement(UUID id, PermitRequests.RequestSupplement request, CurrentUser actor) {
        return transition(id, actor, false, "request-supplement",
                permit -> permit.requestSupplement(request.request(), today(), clock.instant()),
                Map.of("request", request.request()));
    }

    public Mono<Permit> accept(UUID id, CurrentUser actor) {
        return transition(id, actor, false, "accept", permit -> permit.accept(today(), rules, clock.instant()),
                Map.of());
    }

    public Mono<Permit> scheduleSiteCheck(UUID id, CurrentUser actor) {
        return transition(id, actor, false, "site-check", permit -> permit.scheduleSiteCheck(rules, clock.instant()),
                Map.of());
    }

    public Mono<Permit> reject(UUID id, PermitRequests.Reject request, CurrentUser actor) {
        return transition(id, actor, false, "reject", permit -> permit.reject(request.reason(), clock.instant()),
                Map.of("reason", request.reason()));
    }

    /**
     * Issues a permit. A renewal starts the day after the permit it renews ends and keeps its number; a new permit
     * starts today and supersedes any permit the holder still has.
     */
    public Mono<Permit> issue(UUID id, PermitRequests.Issue request, CurrentUser actor) {
        LocalDate today = today();
        return transactions.transactional(load(id).flatMap(permit -> validFromFor(permit, today)
                .flatMap(validFrom -> {
                    Transition transition = permit.issue(rules.numberFor(permit.enterpriseCode()), validFrom, rules,
                            request == null ? null : request.note(), clock.instant());
                    Permit issued = transition.permit();
                    Mono<Void> replaced = issued.kind() == ApplicationKind.RENEWAL ? Mono.empty()
                            : permits.issuedFor(issued.enterpriseCode())
                                    .filter(other -> !other.id().equals(issued.id()))
                                    .concatMap(other -> apply(other.supersede(issued.id(), clock.instant()),
                                            SYSTEM, "supersede", Map.of("by", issued.id().toString()),
                                            validFrom.minusDays(1)))
                                    .then();
                    return replaced.then(apply(transition, actor.username(), "issue",
                            Map.of("number", issued.validity().number(), "validTo",
                                    issued.validity().validTo().toString()), issued.validity().validTo()));
                })));
    }

    private Mono<LocalDate> validFromFor(Permit permit, LocalDate today) {
        if (permit.kind() != ApplicationKind.RENEWAL) {
            return Mono.just(today);
        }
        return load(permit.renews()).flatMap(renewed -> {
            // A permit revoked, withdrawn or cancelled meanwhile has nothing left to renew.
            if (renewed.status() != PermitStatus.ISSUED && renewed.status() != PermitStatus.EXPIRED) {
                return Mono.error(new DomainException.Conflict("renewed-permit-ended", "the permit this renewal "
                        + "continues is " + renewed.status() + "; a new application is needed"));
            }
            LocalDate dayAfter = renewed.validity().validTo().plusDays(1);
            return Mono.just(dayAfter.isAfter(today) ? dayAfter : today);
        });
    }

    public Mono<Permit> change(UUID id, PermitRequests.ChangePermit request, CurrentUser actor) {
        return transactions.transactional(loadOwned(id, actor).flatMap(permit -> {
            requireVersion(permit, request.version());
            Transition transition = permit.change(request.holderName(), request.address(),
                    request.legalRepresentative(), request.content(), clock.instant());
            return apply(transition, actor.username(), "change", Map.of("version", transition.permit().version()),
                    transition.permit().validity().validTo());
        }));
    }

    /**
     * The holder applies for an administrative change. A change that would allow more is refused at once; the rest
     * waits for a reviewer. One pending request per permit.
     */
    public Mono<PermitRequests.ChangeRequest> requestChange(UUID id, PermitRequests.ChangePermit change,
                                                             CurrentUser actor) {
        return transactions.transactional(loadOwned(id, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the holder applies for a change"));
            }
            requireVersion(permit, change.version());
            // The same checks the change itself will make, so the holder learns now what cannot be a change.
            Transition dryRun = permit.change(change.holderName(), change.address(), change.legalRepresentative(),
                    change.content(), clock.instant());
            var request = new PermitRequests.ChangeRequest(UUID.randomUUID(), id, change, "PENDING",
                    actor.username(), clock.instant(), null, null, null);
            return permits.insertChangeRequest(request).flatMap(inserted -> !inserted
                    ? Mono.error(new DomainException.Conflict("change-pending",
                            "a change of this permit is waiting for a decision already"))
                    : outbox.append(new PermitEvent.PermitChangeRequested(id, dryRun.permit().enterpriseCode(),
                                    request.id()))
                            .then(audit.record(actor.username(), "request-change", AUDIT_TYPE, id.toString(),
                                    Map.of("request", request.id().toString())))
                            .thenReturn(request));
        }));
    }

    public Mono<PermitRequests.ChangeRequest> pendingChange(UUID id, CurrentUser actor) {
        return loadOwned(id, actor).flatMap(permit -> permits.pendingChangeRequest(id))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("pending change of permit", id.toString())));
    }

    /** A reviewer approves the pending change: it is applied as an administrative change. */
    public Mono<Permit> approveChange(UUID id, CurrentUser actor) {
        return transactions.transactional(load(id).flatMap(permit -> permits.pendingChangeRequest(id)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("pending change of permit", id.toString())))
                .flatMap(request -> {
                    var change = request.change();
                    requireVersion(permit, change.version());
                    Transition transition = permit.change(change.holderName(), change.address(),
                            change.legalRepresentative(), change.content(), clock.instant());
                    return decide(request, "APPROVED", actor, null)
                            .then(apply(transition, actor.username(), "approve-change",
                                    Map.of("request", request.id().toString()),
                                    transition.permit().validity().validTo()));
                })));
    }

    public Mono<Permit> rejectChange(UUID id, PermitRequests.Reject reason, CurrentUser actor) {
        return transactions.transactional(load(id).flatMap(permit -> permits.pendingChangeRequest(id)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("pending change of permit", id.toString())))
                .flatMap(request -> decide(request, "REJECTED", actor, reason.reason())
                        .then(outbox.append(new PermitEvent.PermitChangeRejected(id, permit.enterpriseCode(),
                                request.id(), reason.reason())))
                        .then(audit.record(actor.username(), "reject-change", AUDIT_TYPE, id.toString(),
                                Map.of("request", request.id().toString(), "reason", reason.reason())))
                        .thenReturn(permit))));
    }

    private Mono<Void> decide(PermitRequests.ChangeRequest request, String status, CurrentUser actor,
                              String reason) {
        return permits.decideChangeRequest(request.id(), status, actor.username(), clock.instant(), reason)
                .flatMap(decided -> decided ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "change-decided", "this change was decided meanwhile")));
    }

    /** Applies for the renewal (延续) of an issued permit, inside the renewal window; goes straight to review. */
    public Mono<Permit> renew(UUID id, PermitRequests.Renew request, CurrentUser actor) {
        LocalDate today = today();
        return transactions.transactional(loadOwned(id, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the holder applies for a renewal"));
            }
            permit.requireRenewable(today, rules);
            PermitContent content = request == null || request.content() == null ? permit.content()
                    : request.content();
            var expansions = content.expansionsOver(permit.content());
            if (!expansions.isEmpty()) {
                return Mono.error(new DomainException.RuleViolation("new-application-required", "content",
                        "a renewal cannot allow more: " + String.join(", ", expansions)));
            }
            return permits.hasOpenApplication(permit.enterpriseCode(), ApplicationKind.RENEWAL, permit.id())
                    .zipWith(permits.issuedRenewalOf(permit.id()).hasElement())
                    .flatMap(state -> {
                        if (state.getT1()) {
                            return Mono.error(new DomainException.Conflict("application-open",
                                    "a renewal of this permit is already under way"));
                        }
                        if (state.getT2()) {
                            return Mono.error(new DomainException.Conflict("already-renewed",
                                    "this permit has been renewed already"));
                        }
                        Permit draft = Permit.draft(UUID.randomUUID(), permit.enterpriseCode(), permit.holderName(),
                                permit.district(), permit.permitClass(), ApplicationKind.RENEWAL, permit.id(),
                                content, permit.address(), permit.legalRepresentative(), clock.instant());
                        Transition submitted = draft.submit(today, rules, clock.instant());
                        return permits.insert(draft)
                                .then(apply(submitted, actor.username(), "renew",
                                        Map.of("renews", permit.id().toString()), null));
                    });
        }));
    }

    /** 撤销 / 吊销 / 注销 (admin only), with a reason and a legal basis that applies today. */
    public Mono<Permit> end(UUID id, PermitRequests.EndPermit request, CurrentUser actor) {
        LocalDate today = today();
        PermitStatus how = request.how().status();
        String citation = rules.legalBasis(request.legalBasis(), how, today);
        return transactions.transactional(load(id).flatMap(permit -> {
            Transition transition = permit.end(how, request.reason(), citation, clock.instant());
            return apply(transition, actor.username(), how.name().toLowerCase(),
                    Map.of("reason", request.reason(), "legalBasis", citation), today);
        }));
    }

    public Mono<Permit> find(UUID id, CurrentUser actor) {
        return loadOwned(id, actor);
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
        return permits.forEnterprise(enterpriseCode, 0, 1000);
    }

    public Mono<PageResponse<Permit>> reviewQueue(String district, PageRequest page) {
        return permits.reviewQueue(district, page.offset(), page.size()).collectList()
                .zipWith(permits.countReviewQueue(district))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    public Mono<PageResponse<Permit>> publicSearch(PublicPermitQuery query, PageRequest page) {
        return permits.publicSearch(query, page.offset(), page.size()).collectList()
                .zipWith(permits.countPublic(query))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** One permit as the public may see it: issued ones only. */
    public Mono<Permit> findPublic(UUID id) {
        return permits.find(id)
                .filter(permit -> permit.validity().number() != null)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }

    public Flux<AuditTrail.Entry> history(UUID id, CurrentUser actor) {
        return loadOwned(id, actor).thenMany(audit.history(AUDIT_TYPE, id.toString()));
    }

    /**
     * The permit clock: deemed acceptance (3-day rule), expiry reminders, expiry. Returns how many permits moved.
     * Safe with several replicas: one run at a time holds a transaction-scoped advisory lock, and each update is
     * conditional on the version it read.
     */
    public Mono<Long> runClock() {
        LocalDate today = today();
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.PERMIT_CLOCK, () -> Flux.concat(
                        permits.submittedPastCompleteness(today, 1000).collectList().flatMapIterable(list -> list)
                                .concatMap(permit -> Mono.justOrEmpty(
                                        permit.deemAccepted(today, rules, clock.instant()))
                                .flatMap(transition -> apply(transition, SYSTEM, "deemed-accept", Map.of(), null))),
                        permits.toRemind(today.plusDays(rules.furthestReminderDays()), rules.closestReminderDays(),
                                        1000).collectList().flatMapIterable(list -> list)
                                .concatMap(permit -> Mono.justOrEmpty(permit.remind(today, rules, clock.instant()))
                                        .flatMap(transition -> apply(transition, SYSTEM, "remind",
                                                Map.of("daysBefore", transition.permit().remindedDays()), null))),
                        permits.issuedEndingBy(today.minusDays(1), 1000).collectList().flatMapIterable(list -> list)
                                .concatMap(permit ->
                                permits.issuedRenewalOf(permit.id()).map(renewal -> renewal.id())
                                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                                        .flatMap(renewedBy -> Mono.justOrEmpty(permit.expire(today,
                                                renewedBy.orElse(null), clock.instant())))
                                        .flatMap(transition -> apply(transition, SYSTEM, "expire", Map.of(), null)))))
                .count());
    }

    private Mono<Permit> transition(UUID id, CurrentUser actor, boolean holderAction, String action,
                                    Function<Permit, Transition> step, Map<String, Object> details) {
        return transactions.transactional((holderAction ? loadOwned(id, actor) : load(id)).flatMap(permit -> {
            if (holderAction && !actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the applicant may " + action));
            }
            return apply(step.apply(permit), actor.username(), action, details, null);
        }));
    }

    /**
     * Stores a transition with its event and audit record. {@code limitsUntil}, when given, (re)writes the limits
     * readings are checked against and tells the other features about the permit's obligations.
     */
    private Mono<Permit> apply(Transition transition, String actor, String action, Map<String, Object> details,
                               LocalDate limitsUntil) {
        Permit next = transition.permit();
        Mono<Void> limits = limitsUntil == null ? Mono.empty() : permits.syncLimits(next, limitsUntil);
        Mono<Void> follow = Mono.empty();
        if (transition.event() instanceof PermitEvent.PermitIssued) {
            follow = Flux.fromIterable(obligations).concatMap(o -> o.permitIssued(next)).then();
        } else if (limitsUntil != null && endsEarly(next)) {
            follow = Flux.fromIterable(obligations).concatMap(o -> o.permitEnded(next, limitsUntil)).then();
        }
        return store(next)
                .then(limits)
                .then(follow)
                .then(outbox.append(transition.event()))
                .then(audit.record(actor, action, AUDIT_TYPE, next.id().toString(), details))
                .thenReturn(next);
    }

    private static boolean endsEarly(Permit permit) {
        return switch (permit.status()) {
            case REVOKED, WITHDRAWN, CANCELLED, SUPERSEDED -> true;
            default -> false;
        };
    }

    /** Staff see every permit; an enterprise only its own: anything else is "not found", not "forbidden". */
    private Mono<Permit> loadOwned(UUID id, CurrentUser actor) {
        return load(id).filter(permit -> actor.isStaff() || actor.actsFor(permit.enterpriseCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }

    private Mono<Permit> load(UUID id) {
        return permits.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }

    private Mono<Void> store(Permit next) {
        return permits.update(next).flatMap(updated -> updated ? Mono.<Void>empty()
                : Mono.error(new DomainException.Conflict("stale-version",
                        "permit " + next.id() + " was changed by someone else; reload it and try again")));
    }

    private static void requireVersion(Permit current, long expected) {
        if (current.version() != expected) {
            throw new DomainException.Conflict("stale-version",
                    "permit " + current.id() + " was changed by someone else; reload it and apply your change again");
        }
    }

    private static PermitClass classOf(Enterprise enterprise) {
        if (enterprise.managementClass() == ManagementClass.REGISTRATION) {
            throw new DomainException.RuleViolation("registration-only", "enterpriseCode",
                    "a registration-only unit (登记管理) files a registration form, not a permit application");
        }
        return PermitClass.valueOf(enterprise.managementClass().name());
    }
}
