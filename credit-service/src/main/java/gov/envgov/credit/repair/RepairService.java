package gov.envgov.credit.repair;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.blacklist.ListEntry;
import gov.envgov.credit.blacklist.ListService;
import gov.envgov.credit.evaluation.CreditResult;
import gov.envgov.credit.evaluation.EvaluationService;
import gov.envgov.credit.ledger.CreditRecord;
import gov.envgov.credit.ledger.RecordService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Credit repair: an enterprise applies for its own, a credit officer reviews against the conditions. */
@Service
public class RepairService {

    private static final String AUDIT_TYPE = "credit-repair";

    private final RepairRepository repairs;
    private final RecordService records;
    private final EvaluationService evaluations;
    private final ListService list;
    private final RepairProperties properties;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    RepairService(RepairRepository repairs, RecordService records, EvaluationService evaluations, ListService list,
                  RepairProperties properties, AuditTrail audit, TransactionalOperator transactions,
                  BureauTime time) {
        this.repairs = repairs;
        this.records = records;
        this.evaluations = evaluations;
        this.list = list;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** An enterprise applies to repair its own records of a period and/or its own list entry. */
    public Mono<RepairApplication> apply(RepairRequests.Apply request, CurrentUser enterprise) {
        String code = enterprise.enterpriseId();
        if (code == null || !enterprise.actsFor(code)) {
            return Mono.error(new DomainException.Forbidden("only an enterprise applies to repair its own credit"));
        }
        return Mono.defer(() -> {
            RepairApplication filed = RepairApplication.file(UUID.randomUUID(), code, request.period(),
                    request.records(), request.listEntryId(), request.statement(), request.evidence(), time.now(),
                    enterprise.username());
            Mono<Void> ownRecords = filed.records().isEmpty() ? Mono.empty()
                    : records.all(code, filed.period()).map(CreditRecord::id).collectList()
                    .flatMap(own -> own.containsAll(filed.records()) ? Mono.<Void>empty()
                            : Mono.error(new DomainException.RuleViolation("not-own-record", "records",
                            "a repair covers only the applicant's own records of the period")));
            Mono<Void> ownEntry = filed.listEntryId() == null ? Mono.empty()
                    : list.find(filed.listEntryId(), enterprise).then();
            return transactions.transactional(ownRecords.then(ownEntry).then(repairs.insert(filed))
                    .then(audit.record(enterprise.username(), "apply", AUDIT_TYPE, filed.id().toString(),
                            Map.of("subject", code)))
                    .thenReturn(filed));
        });
    }

    /**
     * CRD-REPAIR-CONDITIONS, CRD-REPAIR-VERSION: a credit officer reviews; approved, the records no longer count, the
     * period's result gets a new version (its grade published at once if the period is final) and a list entry ends
     * early.
     */
    public Mono<RepairApplication> review(UUID id, RepairRequests.Review request, CurrentUser officer) {
        return transactions.transactional(load(id).flatMap(application -> conditions(application,
                        Boolean.TRUE.equals(request.rectificationVerified()))
                .flatMap(checked -> {
                    var today = time.today();
                    if (!Boolean.TRUE.equals(request.approve())) {
                        return decide(application.reject(checked, request.decision(), officer.username(), today),
                                officer);
                    }
                    RepairApplication approved = application.approve(checked, request.decision(),
                            officer.username(), today);
                    String reason = "信用修复：" + request.decision();
                    Mono<Optional<CreditResult>> version = approved.records().isEmpty()
                            ? Mono.just(Optional.empty())
                            : records.repair(approved.records(), approved.subjectCode(), approved.period(), reason,
                                    officer.username())
                            .then(evaluations.repaired(approved.period(), approved.subjectCode(), officer.username()))
                            .map(Optional::of).defaultIfEmpty(Optional.empty());
                    Mono<Void> exit = approved.listEntryId() == null ? Mono.empty()
                            : list.exitEarly(approved.listEntryId(), approved.subjectCode(), reason,
                                    officer.username()).then();
                    return version.flatMap(made -> exit.then(decide(approved.withVersion(
                            made.map(CreditResult::version).orElse(null)), officer)));
                })));
    }

    public Mono<RepairApplication> find(UUID id, CurrentUser reader) {
        return load(id).filter(found -> reader.isStaff() || reader.actsFor(found.subjectCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("repair application", id.toString())));
    }

    /** A subject's repair history, the newest first. */
    public Flux<RepairApplication> history(String subjectCode) {
        return repairs.ofSubject(subjectCode);
    }

    public Mono<PageResponse<RepairApplication>> queue(PageRequest page) {
        var submitted = EnumSet.of(RepairStatus.SUBMITTED);
        return repairs.queue(submitted, page.offset(), page.size()).collectList().zipWith(repairs.count(submitted))
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    private Mono<RepairConditions> conditions(RepairApplication application, boolean rectified) {
        Mono<List<CreditRecord>> covered = application.records().isEmpty() ? Mono.just(List.of())
                : records.all(application.subjectCode(), application.period())
                .filter(record -> application.records().contains(record.id())).collectList();
        Mono<Optional<ListEntry>> entry = application.listEntryId() == null ? Mono.just(Optional.empty())
                : list.find(application.listEntryId(), systemReader()).map(Optional::of);
        Mono<Optional<java.time.LocalDate>> last = repairs.lastDecided(application.subjectCode(),
                EnumSet.of(RepairStatus.APPROVED)).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(covered, entry, last).flatMap(found -> records.paidCases(found.getT1().stream()
                        .map(CreditRecord::caseId).filter(Objects::nonNull).toList())
                .map(paid -> RepairConditions.check(rectified, found.getT1(), paid,
                        found.getT2().map(ListEntry::minUntil).orElse(null), found.getT3().orElse(null),
                        time.today(), properties)));
    }

    private Mono<RepairApplication> decide(RepairApplication decided, CurrentUser officer) {
        return repairs.decide(decided).flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(
                        new DomainException.Conflict("repair-decided", "repair " + decided.id() + " was decided")))
                .then(audit.record(officer.username(), decided.status().name().toLowerCase(), AUDIT_TYPE,
                        decided.id().toString(), Map.of("unmet", decided.conditions().unmet())))
                .thenReturn(decided);
    }

    private static CurrentUser systemReader() {
        return new CurrentUser("system", "system", java.util.Set.of("credit_officer"), null, null, null);
    }

    private Mono<RepairApplication> load(UUID id) {
        return repairs.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("repair application",
                id.toString())));
    }
}
