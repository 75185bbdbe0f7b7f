package gov.envgov.credit.evaluation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.ledger.RecordService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Objections to preliminary results: an enterprise files against its own, a credit officer answers each. */
@Service
public class ObjectionService {

    private static final String AUDIT_TYPE = "credit-objection";
    private static final Set<ObjectionStatus> OPEN = EnumSet.of(ObjectionStatus.OPEN);

    private final ObjectionRepository objections;
    private final EvaluationService evaluations;
    private final RecordService records;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    ObjectionService(ObjectionRepository objections, EvaluationService evaluations, RecordService records,
                     AuditTrail audit, TransactionalOperator transactions, BureauTime time) {
        this.objections = objections;
        this.evaluations = evaluations;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * CRD-OBJECTION-OWN: an enterprise objects to its own preliminary result, within the window
     * (CRD-EVAL-OBJECTION-WINDOW), with reasons; the records it disputes must be its own of that period.
     */
    public Mono<Objection> file(int period, EvaluationRequests.FileObjection request, CurrentUser enterprise) {
        String code = enterprise.enterpriseId();
        if (code == null || !enterprise.actsFor(code)) {
            return Mono.error(new DomainException.Forbidden("only an enterprise objects to its own result"));
        }
        return transactions.transactional(evaluations.load(period)
                .onErrorMap(DomainException.NotFound.class, missing -> new DomainException.NotFound("credit result",
                        code + "/" + period))
                .flatMap(evaluation -> evaluations.versions(period, code).flatMap(versions -> {
                    evaluation.requireObjectionsTaken(time.today());
                    List<UUID> disputed = request.disputedRecords() == null ? List.of() : request.disputedRecords();
                    return records.all(code, period).map(record -> record.id()).collectList().flatMap(own -> {
                        if (!own.containsAll(disputed)) {
                            return Mono.error(new DomainException.RuleViolation("not-own-record",
                                    "disputedRecords", "an objection disputes only records of its own result"));
                        }
                        Objection filed = Objection.file(UUID.randomUUID(), evaluation.id(), period, code,
                                versions.get(0).version(), request.reasons(), request.evidence(), disputed,
                                enterprise.username(), time.now());
                        return objections.insert(filed)
                                .then(audit.record(enterprise.username(), "object", AUDIT_TYPE,
                                        filed.id().toString(), Map.of("period", period, "subject", code)))
                                .thenReturn(filed);
                    });
                })));
    }

    /**
     * CRD-OBJECTION-ANSWER: a credit officer answers each objection once; upheld, the records found wrong are
     * corrected and the subject's result gets a new version, the earlier version kept.
     */
    public Mono<Objection> answer(UUID id, EvaluationRequests.Answer request, CurrentUser officer) {
        boolean upheld = Boolean.TRUE.equals(request.upheld());
        return transactions.transactional(load(id).flatMap(objection -> evaluations.load(objection.period())
                .flatMap(evaluation -> {
                    evaluation.requireAnswerable();
                    objection.requireOpen();
                    Mono<Integer> version = !upheld ? Mono.empty()
                            : records.correct(request.correctRecords() == null ? objection.disputedRecords()
                                            : request.correctRecords(), objection.subjectCode(), objection.period(),
                                    "异议成立：" + request.answer(), officer.username())
                            .then(evaluations.rescore(evaluation, objection.subjectCode(),
                                    ResultReason.OBJECTION_UPHELD))
                            .map(CreditResult::version);
                    return version.map(Optional::of).defaultIfEmpty(Optional.empty())
                            .flatMap(made -> {
                                Objection answered = objection.answer(upheld, request.answer(), officer.username(),
                                        time.now(), made.orElse(null));
                                return objections.answer(answered)
                                        .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(
                                                new DomainException.Conflict("objection-answered",
                                                        "objection " + id + " was answered meanwhile")))
                                        .then(audit.record(officer.username(), upheld ? "uphold" : "reject",
                                                AUDIT_TYPE, id.toString(), Map.of("newVersion",
                                                        String.valueOf(answered.newVersion()))))
                                        .thenReturn(answered);
                            });
                })));
    }

    /** An objection for its reader: staff see any, an enterprise its own; others do not exist for it. */
    public Mono<Objection> find(UUID id, CurrentUser reader) {
        return load(id).filter(found -> reader.isStaff() || reader.actsFor(found.subjectCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("objection", id.toString())));
    }

    public Flux<Objection> ofSubject(String subjectCode) {
        return objections.ofSubject(subjectCode);
    }

    /** Open objections, the oldest first. */
    public Mono<PageResponse<Objection>> queue(PageRequest page) {
        return objections.queue(OPEN, page.offset(), page.size()).collectList().zipWith(objections.countQueue(OPEN))
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    private Mono<Objection> load(UUID id) {
        return objections.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("objection",
                id.toString())));
    }
}
