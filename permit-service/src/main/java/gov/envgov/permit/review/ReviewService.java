package gov.envgov.permit.review;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.ApplicationKind;
import gov.envgov.permit.permit.Batches;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.Permit.Transition;
import gov.envgov.permit.permit.PermitProperties;
import gov.envgov.permit.permit.PermitQueryService;
import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.permit.permit.PermitRules;
import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reviewer's side of a permit application, and the review clock (the 3-day rule); each use case runs in one
 * transaction with its event and audit record.
 */
@Service
public class ReviewService {

    private static final String SYSTEM = "system";

    private final PermitQueryService queries;
    private final PermitRepository permits;
    private final PermitStore store;
    private final PermitRules rules;
    private final int batchSize;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    ReviewService(PermitQueryService queries, PermitRepository permits, PermitStore store, PermitRules rules,
                  PermitProperties properties, DatabaseClient db, TransactionalOperator transactions,
                  BureauTime time) {
        this.queries = queries;
        this.permits = permits;
        this.store = store;
        this.rules = rules;
        this.batchSize = properties.clockBatchSize();
        this.db = db;
        this.transactions = transactions;
        this.time = time;
    }

    public Mono<Permit> requestSupplement(UUID id, ReviewRequests.RequestSupplement request, CurrentUser actor) {
        return decide(id, actor, "request-supplement",
                permit -> permit.requestSupplement(request.request(), time.today(), time.now()),
                Map.of("request", request.request()));
    }

    public Mono<Permit> accept(UUID id, CurrentUser actor) {
        return decide(id, actor, "accept", permit -> permit.accept(time.today(), rules, time.now()), Map.of());
    }

    public Mono<Permit> scheduleSiteCheck(UUID id, CurrentUser actor) {
        return decide(id, actor, "site-check", permit -> permit.scheduleSiteCheck(rules, time.now()), Map.of());
    }

    public Mono<Permit> reject(UUID id, ReviewRequests.Reject request, CurrentUser actor) {
        return decide(id, actor, "reject", permit -> permit.reject(request.reason(), time.now()),
                Map.of("reason", request.reason()));
    }

    /**
     * Issues a permit. A renewal starts the day after the permit it renews ends and keeps its number; a new permit
     * starts today and supersedes any permit the holder still has.
     */
    public Mono<Permit> issue(UUID id, ReviewRequests.Issue request, CurrentUser actor) {
        LocalDate today = time.today();
        // PERMIT-REAPPLICATION-BAN binds applications that were open when the permit was revoked or withdrawn too
        // (a renewal of the ended permit is refused as such when it is issued).
        return transactions.transactional(queries.load(id).flatMap(permit -> (permit.kind() == ApplicationKind.RENEWAL
                        ? Mono.<java.time.LocalDate>empty()
                        : permits.lastRevokedOrWithdrawn(permit.enterpriseCode(), time.zone()))
                .doOnNext(endedOn -> rules.requireNoReapplicationBan(endedOn, today))
                .then(Mono.defer(() -> validFromFor(permit, today)))
                .flatMap(validFrom -> {
                    Transition transition = permit.issue(rules.numberFor(permit.enterpriseCode()), validFrom, rules,
                            request == null ? null : request.note(), time.now());
                    Permit issued = transition.permit();
                    Mono<Void> replaced = issued.kind() == ApplicationKind.RENEWAL ? Mono.empty()
                            : permits.issuedFor(issued.enterpriseCode())
                                    .filter(other -> !other.id().equals(issued.id()))
                                    .concatMap(other -> store.record(other.supersede(issued.id(), time.now()),
                                            SYSTEM, "supersede", Map.of("by", issued.id().toString()),
                                            validFrom.minusDays(1)))
                                    .then();
                    return replaced.then(store.record(transition, actor.username(), "issue",
                            Map.of("number", issued.validity().number(), "validTo",
                                    issued.validity().validTo().toString()), issued.validity().validTo()));
                })));
    }

    private Mono<LocalDate> validFromFor(Permit permit, LocalDate today) {
        if (permit.kind() != ApplicationKind.RENEWAL) {
            return Mono.just(today);
        }
        return queries.load(permit.renews()).flatMap(renewed -> {
            // A permit revoked, withdrawn or cancelled meanwhile has nothing left to renew.
            if (renewed.status() != PermitStatus.ISSUED && renewed.status() != PermitStatus.EXPIRED) {
                return Mono.error(new DomainException.Conflict("renewed-permit-ended", "permit " + renewed.id()
                        + ", which renewal " + permit.id() + " continues, is " + renewed.status()
                        + "; a new application is needed",
                        new DomainException.Blocker("permit", renewed.id(), renewed.status()), null));
            }
            LocalDate dayAfter = renewed.validity().validTo().plusDays(1);
            return Mono.just(dayAfter.isAfter(today) ? dayAfter : today);
        });
    }

    public Mono<PageResponse<Permit>> reviewQueue(String district, PageRequest page) {
        return permits.reviewQueue(district, page.offset(), page.size()).collectList()
                .zipWith(permits.countReviewQueue(district))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /**
     * The review clock: an application nobody asked a supplement for within the completeness period counts as
     * accepted (3-day rule). Returns how many were. Safe with several replicas: one run at a time holds a
     * transaction-scoped advisory lock, and each update is conditional on the version it read.
     */
    public Mono<Long> deemAccepted() {
        LocalDate today = time.today();
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.PERMIT_CLOCK,
                () -> deemAccepted(today)).count());
    }

    private Flux<Permit> deemAccepted(LocalDate today) {
        return Batches.untilShort(batchSize,
                (Optional<Permit> after) -> permits.submittedPastCompleteness(today, after, batchSize),
                permit -> Mono.justOrEmpty(permit.deemAccepted(today, rules, time.now()))
                        .flatMap(transition -> store.record(transition, SYSTEM, "deemed-accept", Map.of())));
    }

    private Mono<Permit> decide(UUID id, CurrentUser actor, String action, Function<Permit, Transition> step,
                                Map<String, ?> details) {
        return transactions.transactional(queries.load(id)
                .flatMap(permit -> store.record(step.apply(permit), actor.username(), action, details)));
    }
}
