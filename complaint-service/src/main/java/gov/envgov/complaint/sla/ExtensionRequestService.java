package gov.envgov.complaint.sla;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintAccess;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.complaint.complaint.TimeLimits;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/**
 * Extensions asked for by the handling unit and decided by an operator: the request, the approval (the due date
 * moves by the approved working days, within the ceiling plus the extension ceiling) and the refusal. Each is one
 * transaction with the complaint's step, its event and audit record.
 */
@Service
public class ExtensionRequestService {

    private final ComplaintStore store;
    private final ExtensionRequestRepository requests;
    private final TransactionalOperator transactions;
    private final SlaRules rules;
    private final WorkingDayCalendar calendar;
    private final BureauTime time;

    ExtensionRequestService(ComplaintStore store, ExtensionRequestRepository requests,
                            TransactionalOperator transactions, ComplaintProperties properties,
                            WorkingDayCalendar calendar, BureauTime time) {
        this.store = store;
        this.requests = requests;
        this.transactions = transactions;
        this.rules = SlaRules.of(properties, calendar);
        this.calendar = calendar;
        this.time = time;
    }

    public Mono<ExtensionRequestResponse> request(UUID complaintId, int workingDays, String reason,
                                                  CurrentUser handler) {
        return transactions.transactional(store.visibleTo(complaintId, handler).flatMap(complaint -> requests
                .pendingFor(complaintId)
                .<Complaint>flatMap(pending -> Mono.error(pending.request().blocksAnother(complaint.trackingCode())))
                .switchIfEmpty(Mono.just(complaint))
                .flatMap(free -> {
                    String unit = ComplaintAccess.requireUnit(handler);
                    UUID id = UUID.randomUUID();
                    ExtensionRequest request = ExtensionRequest.open(id, complaintId, unit, handler.username(),
                            workingDays, reason, time.now());
                    var transition = free.requestExtension(unit, id, workingDays, time.today(), time.now());
                    newDueDate(free, workingDays);
                    return store.record(Step.of(transition, Map.of("request", id.toString(),
                                    "workingDays", workingDays, "reason", request.reason())),
                                    handler.username(), "request-extension")
                            .then(requests.insert(request))
                            .then(requests.find(id));
                })))
                .map(ExtensionRequestResponse::from);
    }

    /** Approves the days asked for (or fewer): the due date moves by them; the reason is told to the complainant. */
    public Mono<ExtensionRequestResponse> approve(UUID complaintId, UUID requestId, @Nullable Integer days,
                                                  @Nullable String note, CurrentUser operator) {
        return transactions.transactional(pending(complaintId, requestId, operator).flatMap(both -> {
            ExtensionRequest request = both.request();
            int granted = request.daysToApprove(days);
            LocalDate due = newDueDate(both.complaint(), granted);
            LocalDate latest = latest(both.complaint());
            var transition = both.complaint().extend(due, request.reason(), time.today(), latest, time.now());
            ExtensionRequest approved = request.approve(granted, operator.username(), due, blankToNull(note),
                    time.now());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("request", requestId.toString());
            details.put("approvedDays", granted);
            details.put("dueDate", due.toString());
            details.put("reason", request.reason());
            return store.record(Step.of(transition, details), operator.username(), "approve-extension")
                    .then(decide(approved));
        })).map(ExtensionRequestResponse::from);
    }

    public Mono<ExtensionRequestResponse> refuse(UUID complaintId, UUID requestId, String note,
                                                 CurrentUser operator) {
        return transactions.transactional(pending(complaintId, requestId, operator).flatMap(both -> {
            ExtensionRequest refused = both.request().refuse(operator.username(), note, time.now());
            return store.record(Step.of(both.complaint().refuseExtension(requestId, time.now()),
                                    Map.of("request", requestId.toString(), "note", refused.decisionNote())),
                            operator.username(), "refuse-extension")
                    .then(decide(refused));
        })).map(ExtensionRequestResponse::from);
    }

    /** One complaint's requests, for whoever may see the complaint. */
    public Mono<PageResponse<ExtensionRequestResponse>> ofComplaint(UUID complaintId, CurrentUser reader,
                                                                    PageRequest page) {
        return store.visibleTo(complaintId, reader).then(requests.ofComplaint(complaintId, page.offset(), page.size())
                .map(ExtensionRequestResponse::from).collectList()
                .zipWith(requests.countOfComplaint(complaintId))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2())));
    }

    /** The requests waiting for a decision, the earliest due complaint first. */
    public Mono<PageResponse<ExtensionRequestResponse>> withStatus(ExtensionStatus status, PageRequest page) {
        return requests.withStatus(status, page.offset(), page.size())
                .map(ExtensionRequestResponse::from).collectList()
                .zipWith(requests.countWithStatus(status))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    private record Pending(Complaint complaint, ExtensionRequest request) {
    }

    private Mono<Pending> pending(UUID complaintId, UUID requestId, CurrentUser operator) {
        return store.visibleTo(complaintId, operator).flatMap(complaint -> requests.find(requestId)
                .filter(listed -> listed.request().complaintId().equals(complaintId))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("extension request", requestId.toString())))
                .map(listed -> {
                    listed.request().requirePending();
                    return new Pending(complaint, listed.request());
                }));
    }

    private Mono<ExtensionRequestRepository.Listed> decide(ExtensionRequest decided) {
        return requests.decide(decided).flatMap(stored -> stored ? requests.find(decided.id())
                : Mono.error(new DomainException.Conflict("stale-version", "extension request " + decided.id()
                        + " was decided meanwhile; reload it")));
    }

    /**
     * The due date moved by {@code days} working days; refused, naming the most days possible, when it would pass
     * the ceiling plus the extension ceiling.
     */
    private LocalDate newDueDate(Complaint complaint, int days) {
        LocalDate due = java.util.Objects.requireNonNull(complaint.dueDate(), "a running clock has a due date");
        LocalDate moved = calendar.plusWorkingDays(due, days);
        LocalDate latest = latest(complaint);
        if (moved.isAfter(latest)) {
            int most = Math.max(0, calendar.workingDaysBetween(due, latest));
            throw new DomainException.RuleViolation("extension-out-of-range", "workingDays", "complaint "
                    + complaint.trackingCode() + " may be extended by at most " + most + " working days (to " + latest
                    + ", the ceiling plus the extension ceiling from receipt)");
        }
        return moved;
    }

    private LocalDate latest(Complaint complaint) {
        return rules.latestExtension(TimeLimits.clockStart(complaint, time.dateOf(complaint.registeredAt())));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
