package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complainant.ComplainantService;
import gov.envgov.complaint.complainant.IdentityAccess;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reading complaints: one, lists, work queues, the complainant for a call back, and the public reads of Open311. */
@Service
public class ComplaintQueries {

    private final ComplaintRepository complaints;
    private final ComplaintStore store;
    private final ComplainantService complainants;
    private final TransactionalOperator transactions;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final QueueProperties queueProperties;

    /** Steps the filer takes themself: staff other than admins see them as the filer's, not under their name. */
    private static final Set<String> FILER_ACTIONS = Set.of("register", "add-photo", "follow-up-by-complainant");

    ComplaintQueries(ComplaintRepository complaints, ComplaintStore store, ComplainantService complainants,
                     TransactionalOperator transactions, AuditTrail audit, JsonMapper json,
                     QueueProperties queueProperties) {
        this.complaints = complaints;
        this.store = store;
        this.complainants = complainants;
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.queueProperties = queueProperties;
    }

    /**
     * The complaint's steps from its audit trail, oldest first, for staff who may see it: every return with its
     * unit and reason stays here after the complaint is dispatched again.
     */
    public Mono<PageResponse<ComplaintHistoryEntry>> history(UUID id, CurrentUser staff, PageRequest page) {
        boolean admin = staff.hasRole(Roles.ADMIN);
        return store.visibleTo(id, staff)
                .flatMap(complaint -> audit.history(ComplaintStore.AUDIT_TYPE, id.toString())
                        .map(entry -> new ComplaintHistoryEntry(entry.at(),
                                !admin && FILER_ACTIONS.contains(entry.action()) ? "filer" : entry.actor(),
                                entry.action(), json.readTree(entry.details())))
                        .collectList())
                .map(entries -> {
                    int from = (int) Math.min(page.offset(), entries.size());
                    int to = Math.min(from + page.size(), entries.size());
                    return new PageResponse<>(entries.subList(from, to), page.page(), page.size(), entries.size());
                });
    }

    /**
     * One complaint, if the caller may see it; otherwise not found, as if it did not exist. Staff see the
     * complainant masked, and that access is logged.
     */
    public Mono<ComplaintResponse> find(UUID id, CurrentUser reader) {
        return store.visibleTo(id, reader).flatMap(complaint -> (ComplaintAccess.isComplainant(complaint, reader)
                ? complainants.find(id) : complainants.masked(id, reader.username()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(complainant -> store.view(complaint, complainant.orElse(null))));
    }

    /** Citizens list their own complaints; operators and admins all; handlers their unit's. */
    public Mono<PageResponse<ComplaintResponse>> list(CurrentUser reader, PageRequest page) {
        if (ComplaintAccess.isHandler(reader)) {
            return queue(reader, QueueFilter.NONE, page).map(QueuePage::asPage);
        }
        String filedBy = ComplaintAccess.listedFiledBy(reader);
        return complaints.list(filedBy, page.offset(), page.size())
                .concatMap(store::view)
                .collectList()
                .zipWith(complaints.count(filedBy))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /**
     * The caller's work, earliest due date first: a handler's unit has what is dispatched to it and not yet
     * replied; operators have what waits for dispatch, follow-up or closing, emergencies first. The filter narrows
     * it to a state of the queue and a district, and a page starts after the place the one before ended at, or at
     * its offset. The total is exact up to {@code envgov.complaint.queue.exact-total-up-to} and estimated beyond.
     */
    public Mono<QueuePage> queue(CurrentUser worker, QueueFilter filter, PageRequest page) {
        WorkQueue queue;
        QueueCursor after;
        try {
            queue = workQueue(worker, filter);
            after = filter.after() == null ? null : QueueCursor.decode(filter.after());
        } catch (DomainException refused) {
            return Mono.error(refused);
        }
        return complaints.queue(queue, after, page.offset(), page.size())
                .collectList()
                .zipWith(total(queue))
                .flatMap(result -> {
                    List<ComplaintRepository.Queued> rows = result.getT1();
                    Total total = result.getT2();
                    String next = rows.size() < page.size() ? null : rows.get(rows.size() - 1).place().encode();
                    return store.views(rows.stream().map(ComplaintRepository.Queued::complaint).toList())
                            .map(items -> new QueuePage(items, page.page(), page.size(), total.n(), total.exact(),
                                    next));
                });
    }

    private static WorkQueue workQueue(CurrentUser worker, QueueFilter filter) {
        String unit = ComplaintAccess.isHandler(worker) ? ComplaintAccess.requireUnit(worker) : null;
        Set<ComplaintStatus> states = unit == null ? ComplaintStatus.OPERATOR_QUEUE : ComplaintStatus.UNIT_QUEUE;
        ComplaintStatus only = filter.status();
        if (only != null && !states.contains(only)) {
            throw new DomainException.RuleViolation("not-in-queue", "status", "your queue holds complaints "
                    + states.stream().map(Enum::name).sorted().toList() + ", not " + only);
        }
        return new WorkQueue(unit, only == null ? states : Set.of(only), filter.district());
    }

    private record Total(long n, boolean exact) {
    }

    /** Counted while the queue is no longer than the cap; beyond it, the planner's estimate of it. */
    private Mono<Total> total(WorkQueue queue) {
        long cap = queueProperties.exactTotalUpTo();
        return complaints.queueSizeUpTo(queue, cap + 1)
                .flatMap(counted -> counted <= cap ? Mono.just(new Total(counted, true))
                        : complaints.estimatedQueueSize(queue)
                        .map(estimate -> new Total(Math.max(estimate, counted), false)));
    }

    /**
     * The complainant in full, for staff who must call back: only staff who may see the complaint (an enterprise
     * never may, and neither may a handler of another unit); the vault audits every reveal.
     */
    public Mono<Complainant> revealComplainant(UUID id, CurrentUser staff) {
        return transactions.transactional(store.visibleTo(id, staff)
                .then(complainants.reveal(id, staff.username())));
    }

    /** Who accessed the complainant's identity of a complaint the reader may see, masked or in full. */
    public Flux<IdentityAccess> identityAccesses(UUID id, CurrentUser reader) {
        return store.visibleTo(id, reader).thenMany(complainants.accesses(id));
    }

    /** Open311 reads: public data only, the caller maps it to GeoReport fields without personal data. */
    public Flux<Complaint> publicSearch(List<String> trackingCodes, @Nullable Category category, Instant start,
                                        Instant end, @Nullable Boolean closed, int limit) {
        return complaints.search(trackingCodes, category, start, end, closed, limit);
    }

    public Mono<Complaint> publicFind(String trackingCode) {
        return complaints.findByTrackingCode(trackingCode);
    }

    public Mono<Complaint> publicFind(UUID id) {
        return complaints.find(id);
    }

    /** The tracking code of a master complaint, for the status notes of its duplicates. */
    public Mono<String> trackingCodeOf(UUID id) {
        return complaints.find(id).map(Complaint::trackingCode);
    }
}
