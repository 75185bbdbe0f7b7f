package gov.envgov.enforcement.measure;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.casefile.CaseService;
import gov.envgov.enforcement.casefile.EnforcementCase;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Side measures of a case; each act in one transaction with its event and its record in the case's audit chain (the
 * full-process record covers them).
 */
@Service
public class MeasureService {

    private static final String AUDIT_TYPE = "case";

    private final MeasureRepository measures;
    private final CaseService cases;
    private final MeasureRules rules;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    MeasureService(MeasureRepository measures, CaseService cases, MeasureRules rules, Outbox outbox,
                   AuditTrail audit, TransactionalOperator transactions, BureauTime time) {
        this.measures = measures;
        this.cases = cases;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** A daily continuous penalty on a decided case: the order to correct was served on that day. */
    public Mono<SideMeasure> startDailyPenalty(UUID caseId, LocalDate orderServedOn, CurrentUser actor) {
        return start(caseId, actor, "start-daily-penalty", found -> SideMeasure.dailyPenalty(UUID.randomUUID(),
                found, orderServedOn, rules));
    }

    /** Sealing or a production limit on an open case from that day. */
    public Mono<SideMeasure> startLimited(UUID caseId, MeasureKind kind, LocalDate startedOn, CurrentUser actor) {
        return start(caseId, actor, "start-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                found -> SideMeasure.limited(UUID.randomUUID(), found, kind, startedOn, rules));
    }

    public Mono<SideMeasure> reinspect(UUID caseId, UUID id, MeasureRequests.Reinspect request, CurrentUser actor) {
        return act(caseId, id, actor, "reinspect", Map.of("on", request.on().toString(),
                "continuing", Boolean.TRUE.equals(request.continuing()),
                "refused", Boolean.TRUE.equals(request.refused())), current -> current.reinspect(request.on(),
                Boolean.TRUE.equals(request.covert()), Boolean.TRUE.equals(request.continuing()),
                Boolean.TRUE.equals(request.refused()), rules));
    }

    public Mono<SideMeasure> extend(UUID caseId, UUID id, String reason, CurrentUser actor) {
        return act(caseId, id, actor, "extend-measure", Map.of("reason", reason),
                current -> current.extend(reason, rules));
    }

    public Mono<SideMeasure> excludeTesting(UUID caseId, UUID id, LocalDate from, LocalDate to, CurrentUser actor) {
        return act(caseId, id, actor, "exclude-testing", Map.of("from", from.toString(), "to", to.toString()),
                current -> current.excludeTesting(from, to));
    }

    public Mono<SideMeasure> end(UUID caseId, UUID id, LocalDate on, String reason, CurrentUser actor) {
        return act(caseId, id, actor, "end-measure", Map.of("on", on.toString(), "reason", reason),
                current -> current.end(on, reason));
    }

    /** A case's measures, for staff. */
    public Mono<List<SideMeasure>> ofCase(UUID caseId, CurrentUser reader) {
        return cases.find(caseId, reader).then(measures.ofCase(caseId).collectList());
    }

    /** Active measures, the nearest deadline first: overdue re-inspections and ends lead. */
    public Mono<PageResponse<SideMeasure>> queue(PageRequest page) {
        return measures.queue(page.offset(), page.size()).collectList().zipWith(measures.countQueue())
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /**
     * ENF-MEASURE-CLOCK: every active measure whose deadline passed is reported once (event and the case's record),
     * batch after batch until none is left; safe when another replica runs it at the same time.
     */
    public Mono<Long> passDeadlines(int batchSize) {
        LocalDate today = time.today();
        return measures.deadlinePassed(today, batchSize).collectList()
                .expand(batch -> batch.size() < batchSize ? Flux.empty()
                        : measures.deadlinePassed(today, batchSize).collectList())
                .concatMap(Flux::fromIterable)
                .concatMap(measure -> transactions.transactional(measures.markDeadlinePassed(measure, today)
                        .flatMap(marked -> !marked ? Mono.just(0L)
                                : outbox.append(new MeasureEvent.MeasureDeadlinePassed(measure.id(),
                                                measure.caseId(), measure.enterpriseCode(), measure.kind(),
                                                measure.nextDue()))
                                        .then(audit.record("system:clock", "measure-deadline-passed", AUDIT_TYPE,
                                                measure.caseId().toString(), Map.of("measure",
                                                        measure.id().toString(), "due",
                                                        String.valueOf(measure.nextDue()))))
                                        .thenReturn(1L))))
                .reduce(0L, Long::sum);
    }

    public LocalDate today() {
        return time.today();
    }

    private Mono<SideMeasure> start(UUID caseId, CurrentUser actor, String action,
                                    Function<EnforcementCase, SideMeasure.Transition> decide) {
        return transactions.transactional(cases.find(caseId, actor).flatMap(found -> {
            var started = decide.apply(found);
            SideMeasure measure = started.next();
            return measures.insert(measure, time.now())
                    .then(outbox.append(started.event()))
                    .then(audit.record(actor.username(), action, AUDIT_TYPE, caseId.toString(),
                            Map.of("measure", measure.id().toString(), "due", String.valueOf(measure.nextDue()))))
                    .thenReturn(measure);
        }));
    }

    private Mono<SideMeasure> act(UUID caseId, UUID id, CurrentUser actor, String action, Map<String, ?> details,
                                  Function<SideMeasure, SideMeasure.Transition> decide) {
        return transactions.transactional(measures.find(caseId, id)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("measure", id.toString())))
                .flatMap(current -> {
                    var transition = decide.apply(current);
                    SideMeasure next = transition.next();
                    Map<String, Object> recorded = new HashMap<>(details);
                    recorded.put("measure", id.toString());
                    return measures.update(next)
                            .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(
                                    new DomainException.Conflict("stale-version", "measure " + id
                                            + " was changed meanwhile; reload it")))
                            .then(outbox.append(transition.event()))
                            .then(audit.record(actor.username(), action, AUDIT_TYPE, caseId.toString(), recorded))
                            .thenReturn(next);
                }));
    }
}
