package gov.envgov.permit.change;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitQueryService;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * Administrative changes of issued permits: made by a reviewer directly, or applied for by the holder and decided by
 * a reviewer. Each use case runs in one transaction with its events and audit record.
 */
@Service
public class ChangeService {

    private final PermitQueryService queries;
    private final PermitStore store;
    private final ChangeRequestRepository requests;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final int filingDays;

    ChangeService(PermitQueryService queries, PermitStore store, ChangeRequestRepository requests,
                  TransactionalOperator transactions, BureauTime time, ChangeProperties properties) {
        this.filingDays = properties.filingDays();
        this.queries = queries;
        this.store = store;
        this.requests = requests;
        this.transactions = transactions;
        this.time = time;
    }

    /** A reviewer changes an issued permit. */
    public Mono<Permit> change(UUID id, ChangeRequests.ChangePermit request, CurrentUser actor) {
        return transactions.transactional(queries.find(id, actor).flatMap(permit -> {
            Permit.Transition transition = request.toChange().applyTo(permit, time.now());
            return store.record(transition, actor.username(), "change",
                    Map.of("version", transition.permit().version()), transition.permit().validity().validTo());
        }));
    }

    /**
     * The holder applies for an administrative change. A change that would allow more, or that moves an outlet or
     * changes its discharge mode or destination, is refused at once; the rest waits for a reviewer, flagged late
     * when applied for more than the filing days after the change. One pending request per permit.
     */
    public Mono<ChangeRequest> requestChange(UUID id, ChangeRequests.ChangePermit change, CurrentUser actor) {
        return transactions.transactional(queries.find(id, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the holder applies for a change"));
            }
            // PERMIT-CHANGE-FILING: applied for later than the filing days after the change: flagged, not refused.
            ChangeRequest.Requested requested = ChangeRequest.request(UUID.randomUUID(), permit,
                    change.toChange().filedOn(time.today(), filingDays), actor.username(), time.now());
            ChangeRequest request = requested.request();
            return requests.insert(request).flatMap(inserted -> !inserted
                    ? requests.pending(id).flatMap(pending -> Mono.<ChangeRequest>error(
                            new DomainException.Conflict("change-pending", "permit " + id + " has change request "
                                    + pending.id() + " (requested " + pending.requestedAt() + ") waiting for a"
                                    + " decision already; a reviewer approves or rejects it first",
                                    new DomainException.Blocker("change request", pending.id(), pending.status()),
                                    null)))
                    : store.publish(requested.event(), actor.username(), "request-change",
                            Map.of("request", request.id().toString())).thenReturn(request));
        }));
    }

    public Mono<ChangeRequest> pendingChange(UUID id, CurrentUser actor) {
        return queries.find(id, actor).flatMap(permit -> pending(id));
    }

    /** A reviewer approves the pending change: it is applied as an administrative change. */
    public Mono<Permit> approveChange(UUID id, CurrentUser actor) {
        return transactions.transactional(queries.load(id).flatMap(permit -> pending(id).flatMap(request -> {
            ChangeRequest.Approved approved = request.approve(permit, actor.username(), time.now());
            Permit changed = approved.change().permit();
            return decide(request, approved.request())
                    .then(store.record(approved.change(), actor.username(), "approve-change",
                            Map.of("request", request.id().toString()), changed.validity().validTo()));
        })));
    }

    public Mono<Permit> rejectChange(UUID id, ChangeRequests.Reject reason, CurrentUser actor) {
        return transactions.transactional(queries.load(id).flatMap(permit -> pending(id).flatMap(request -> {
            ChangeRequest.Rejected rejected = request.reject(permit, reason.reason(), actor.username(), time.now());
            return decide(request, rejected.request())
                    .then(store.publish(rejected.event(), actor.username(), "reject-change",
                            Map.of("request", request.id().toString(), "reason", reason.reason())))
                    .thenReturn(permit);
        })));
    }

    private Mono<ChangeRequest> pending(UUID permitId) {
        return requests.pending(permitId).switchIfEmpty(Mono.error(
                new DomainException.NotFound("pending change of permit", permitId.toString())));
    }

    private Mono<Void> decide(ChangeRequest before, ChangeRequest decided) {
        return requests.decide(before, decided).flatMap(stored -> stored ? Mono.<Void>empty()
                : Mono.error(new DomainException.Conflict("change-decided", "change request " + before.id()
                        + " of permit " + before.permitId() + " was decided meanwhile; reload it",
                        new DomainException.Blocker("change request", before.id(), null), null)));
    }
}
