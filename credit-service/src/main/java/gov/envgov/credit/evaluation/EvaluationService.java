package gov.envgov.credit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.ledger.CreditRecord;
import gov.envgov.credit.ledger.RecordService;
import gov.envgov.credit.scheme.Scheme;
import gov.envgov.credit.scheme.SchemeService;
import gov.envgov.credit.subject.CreditSubjectService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The evaluation of a period: computing it, approval and final publication; each step in one transaction with its
 * events and its entry in the evaluation's audit chain.
 */
@Service
public class EvaluationService {

    static final String AUDIT_TYPE = "credit-evaluation";

    private final EvaluationRepository evaluations;
    private final ObjectionRepository objections;
    private final RecordService records;
    private final CreditSubjectService subjects;
    private final SchemeService schemes;
    private final EvaluationRules rules;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    EvaluationService(EvaluationRepository evaluations, ObjectionRepository objections, RecordService records,
                      CreditSubjectService subjects, SchemeService schemes, EvaluationRules rules, Outbox outbox,
                      AuditTrail audit, TransactionalOperator transactions, BureauTime time) {
        this.evaluations = evaluations;
        this.objections = objections;
        this.records = records;
        this.subjects = subjects;
        this.schemes = schemes;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * Computes every subject in scope under the scheme version in force for the period and freezes the result as
     * version 1, published for objections (CRD-EVAL-PRELIMINARY). A period is evaluated once.
     */
    public Mono<Evaluation> start(int period, String actor) {
        return Mono.defer(() -> {
            LocalDate today = time.today();
            rules.requireEnded(period, today);
            Scheme scheme = schemes.forPeriod(period);
            boolean withRecords = Boolean.TRUE.equals(scheme.scope().withRecordsInPeriod());
            List<String> classes = new ArrayList<>(scheme.scope().managementClasses());
            if (Boolean.TRUE.equals(scheme.scope().serviceAgencies())) {
                classes.add(CreditSubjectService.SERVICE_AGENCY);
            }
            return transactions.transactional(records.counted(period).collectMultimap(CreditRecord::subjectCode)
                    .flatMap(byCode -> subjects.inScope(classes,
                                    withRecords ? byCode.keySet() : List.of()).collectList()
                            .flatMap(inScope -> {
                                UUID id = UUID.randomUUID();
                                Instant now = time.now();
                                List<CreditResult> results = inScope.stream().map(subject -> result(id, period,
                                        subject.code(), subject.name(), 1, ResultReason.PRELIMINARY, scheme,
                                        byCode.getOrDefault(subject.code(), List.of()), now)).toList();
                                var started = Evaluation.start(id, period, scheme.version(), results.size(), today,
                                        rules, actor);
                                return evaluations.insert(started.next(), now)
                                        .flatMap(inserted -> inserted ? Mono.<Void>empty()
                                                : Mono.error(new DomainException.Conflict("evaluated",
                                                "period " + period + " has its evaluation already (GET"
                                                + " /api/credit/evaluations/" + period + "); it is not run twice",
                                                new DomainException.Blocker("evaluation", period, null), null)))
                                        .then(evaluations.insertResults(results, rules.batchSize()))
                                        .then(outbox.appendAll(started.events()))
                                        .then(audit.record(actor, "evaluate", AUDIT_TYPE, id.toString(),
                                                Map.of("period", period, "scheme", scheme.version(),
                                                        "subjects", results.size())))
                                        .thenReturn(started.next());
                            })));
        });
    }

    /**
     * CRD-EVAL-APPROVAL: after the objection window, with every objection answered. CRD-EVAL-RECORDS-CHANGED: a
     * subject whose records changed since its current version (a decision withdrawn, a record arriving late) gets a
     * new version first, so that the approved result is the one its records give.
     */
    public Mono<Evaluation> approve(int period, String actor) {
        return transactions.transactional(load(period).flatMap(current -> objections.count(current.id(),
                        EnumSet.of(ObjectionStatus.OPEN))
                .flatMap(open -> {
                    var approved = current.approve(time.today(), open, rules, actor);
                    return refreshChanged(current).then(store(approved, actor, "approve"));
                })));
    }

    private Mono<Long> refreshChanged(Evaluation evaluation) {
        Scheme scheme = schemes.version(evaluation.schemeVersion());
        return records.counted(evaluation.period()).collectMultimap(CreditRecord::subjectCode)
                .flatMap(byCode -> evaluations.current(evaluation.id(), 0, Integer.MAX_VALUE).collectList()
                        .flatMap(current -> {
                            Instant now = time.now();
                            List<CreditResult> changed = current.stream().filter(result -> !result.explanation()
                                            .recordIds().equals(ids(byCode.getOrDefault(result.subjectCode(),
                                                    List.of()))))
                                    .map(result -> result(evaluation.id(), evaluation.period(), result.subjectCode(),
                                            result.subjectName(), result.version() + 1, ResultReason.RECORDS_CHANGED,
                                            scheme, byCode.getOrDefault(result.subjectCode(), List.of()), now))
                                    .toList();
                            return evaluations.insertResults(changed, rules.batchSize())
                                    .thenReturn((long) changed.size());
                        }));
    }

    private static Set<UUID> ids(Collection<CreditRecord> counted) {
        Set<UUID> ids = new HashSet<>();
        counted.forEach(record -> ids.add(record.id()));
        return ids;
    }

    /**
     * Final publication (CRD-EVAL-FINAL-PUBLICATION): every subject's current grade goes out as
     * {@code CreditGradePublished}; a credit officer publishes, or the clock does on the last day.
     */
    public Mono<Evaluation> publish(int period, String actor) {
        return transactions.transactional(load(period).flatMap(current -> evaluations.current(current.id(), 0,
                        Integer.MAX_VALUE).collectList()
                .flatMap(results -> store(current.publish(time.today(), results), actor, "publish"))));
    }

    /** The clock's part: publishes every approved evaluation whose last day of publication has come. */
    public Mono<Long> publishDue() {
        return evaluations.publicationDue(time.today(), EnumSet.of(EvaluationStatus.APPROVED))
                .concatMap(due -> publish(due.period(), "system:clock")
                        .onErrorResume(DomainException.Conflict.class, published -> Mono.empty()))
                .count();
    }

    /**
     * A new version of a subject's result after a credit repair; once the period is final, the new grade goes on
     * the feed at once (CRD-REPAIR-VERSION). Empty when the period has no evaluation yet: the records simply no
     * longer count when it is evaluated.
     */
    public Mono<CreditResult> repaired(int period, String subjectCode, String actor) {
        return evaluations.find(period).flatMap(evaluation -> rescore(evaluation, subjectCode, ResultReason.REPAIR)
                .flatMap(result -> (evaluation.status() == EvaluationStatus.FINAL
                        ? outbox.append(EvaluationEvent.CreditGradePublished.of(result)) : Mono.<Void>empty())
                        .then(audit.record(actor, "repair", AUDIT_TYPE, evaluation.id().toString(),
                                Map.of("subject", subjectCode, "version", result.version())))
                        .thenReturn(result)));
    }

    /** A new version of one subject's result from its records as they now stand (an upheld objection, a repair). */
    Mono<CreditResult> rescore(Evaluation evaluation, String subjectCode, ResultReason reason) {
        Scheme scheme = schemes.version(evaluation.schemeVersion());
        return evaluations.newest(evaluation.id(), subjectCode)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("credit result", subjectCode)))
                .flatMap(latest -> records.counted(subjectCode, evaluation.period()).collectList()
                        .map(counted -> result(evaluation.id(), evaluation.period(), subjectCode,
                                latest.subjectName(), latest.version() + 1, reason, scheme, counted, time.now())))
                .flatMap(next -> evaluations.insertResults(List.of(next), 1).thenReturn(next));
    }

    public Mono<Evaluation> find(int period) {
        return load(period);
    }

    public Flux<Evaluation> all() {
        return evaluations.all();
    }

    public Mono<PageResponse<CreditResult>> results(int period, PageRequest page) {
        return load(period).flatMap(evaluation -> evaluations.current(evaluation.id(), page.offset(), page.size())
                .collectList().zipWith(evaluations.countSubjects(evaluation.id()))
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2())));
    }

    /** Every version of a subject's result in a period, the newest first. */
    public Mono<List<CreditResult>> versions(int period, String subjectCode) {
        return load(period).flatMap(evaluation -> evaluations.versions(evaluation.id(), subjectCode).collectList())
                .filter(found -> !found.isEmpty())
                .switchIfEmpty(Mono.error(new DomainException.NotFound("credit result", subjectCode + "/" + period)));
    }

    /** The subject's newest result of every period. */
    public Flux<CreditResult> ofSubject(String subjectCode) {
        return evaluations.ofSubject(subjectCode);
    }

    /** The newest result of every final period of a subject, the newest period first (the facility report). */
    public Flux<CreditResult> finalOfSubject(String subjectCode) {
        return evaluations.finalOfSubject(subjectCode);
    }

    /** A subject's result in force (the newest version of its newest final period) and when it was published. */
    public record InForce(CreditResult result, LocalDate publishedOn) {
    }

    /** Every subject's result in force (the consequences of grades). */
    public Flux<InForce> inForce() {
        return evaluations.inForce();
    }

    /** The newest final result of a subject (public lookup). */
    public Mono<CreditResult> latestFinal(String subjectCode) {
        return evaluations.latest(subjectCode, EnumSet.of(EvaluationStatus.FINAL));
    }

    public LocalDate today() {
        return time.today();
    }

    private Mono<Evaluation> store(Evaluation.Transition transition, String actor, String action) {
        Evaluation next = transition.next();
        return evaluations.update(next, time.now())
                .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "stale-version", "the " + next.period() + " evaluation was changed meanwhile; reload it")))
                .then(outbox.appendAll(transition.events()))
                .then(audit.record(actor, action, AUDIT_TYPE, next.id().toString(),
                        Map.of("status", next.status().name(), "events", transition.events().size())))
                .thenReturn(next);
    }

    Mono<Evaluation> load(int period) {
        return evaluations.find(period).switchIfEmpty(Mono.error(new DomainException.NotFound("credit evaluation",
                String.valueOf(period))));
    }

    private static CreditResult result(UUID evaluationId, int period, String code, String name, int version,
                                       ResultReason reason, Scheme scheme, Collection<CreditRecord> counted,
                                       Instant now) {
        Evaluator.Scored scored = Evaluator.score(scheme, List.copyOf(counted));
        return new CreditResult(evaluationId, period, code, name, version, scored.score(), scored.grade(),
                scored.veto(), reason, scored.explanation(), now);
    }
}
