package gov.envgov.credit.rectification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.evaluation.CreditResult;
import gov.envgov.credit.evaluation.EvaluationService;
import gov.envgov.credit.scheme.Scheme;
import gov.envgov.credit.scheme.SchemeService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class RectificationService {

    private static final String AUDIT_TYPE = "rectification-report";

    private final RectificationRepository reports;
    private final EvaluationService evaluations;
    private final SchemeService schemes;
    private final WorkingDayCalendar calendar;
    private final RectificationProperties properties;
    private final AuditTrail audit;
    private final BureauTime time;
    private final TransactionalOperator transactions;

    RectificationService(RectificationRepository reports, EvaluationService evaluations, SchemeService schemes,
                         WorkingDayCalendar calendar, RectificationProperties properties, AuditTrail audit,
                         BureauTime time, TransactionalOperator transactions) {
        this.reports = reports;
        this.evaluations = evaluations;
        this.schemes = schemes;
        this.calendar = calendar;
        this.properties = properties;
        this.audit = audit;
        this.time = time;
        this.transactions = transactions;
    }

    /**
     * CRD-RECTIFICATION-QUARTERLY, the daily clock's part: every subject whose grade in force owes reports owes the
     * quarters of the year after its period that end on or after the result's publication; a subject whose grade
     * no longer owes them (a repair) has its open ones waived; unfiled reports past their day become overdue.
     * Idempotent, and safe on every replica (one row per subject and quarter, versioned updates).
     */
    public Mono<Long> sweep() {
        return reports.subjectsWithOpenReports().collect(java.util.stream.Collectors.toSet())
                .flatMapMany(open -> evaluations.inForce().concatMap(inForce -> {
                    CreditResult result = inForce.result();
                    if (owes(result)) {
                        return Flux.fromIterable(owed(result, inForce.publishedOn()))
                                .concatMap(report -> reports.owe(report, time.now())).filter(Boolean::booleanValue)
                                .count();
                    }
                    // Most subjects owe nothing and never did: only those with open reports are looked at.
                    return open.contains(result.subjectCode())
                            ? reports.waive(result.subjectCode(), result.period(), time.now()) : Mono.just(0L);
                }))
                .reduce(0L, Long::sum)
                .flatMap(changed -> reports.markOverdue(time.today(), time.now()).map(overdue -> changed + overdue));
    }

    /** Whether a result's grade is one whose colour owes quarterly reports. */
    boolean owes(CreditResult result) {
        Scheme scheme = schemes.version(result.explanation().schemeVersion());
        return scheme.grades().stream().filter(grade -> grade.code().equals(result.grade())).findFirst()
                .map(grade -> properties.colors().contains(grade.color())).orElse(false);
    }

    /** The reports a result owes: the quarters of the next year that end on or after its publication. */
    List<RectificationReport> owed(CreditResult result, LocalDate publishedOn) {
        int year = result.period() + 1;
        return java.util.stream.IntStream.rangeClosed(1, 4).mapToObj(quarter -> {
            LocalDate start = LocalDate.of(year, quarter * 3 - 2, 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            return new RectificationReport(UUID.randomUUID(), result.subjectCode(), result.subjectName(),
                    result.period(), result.grade(), year + "Q" + quarter, end,
                    calendar.plusWorkingDays(end, properties.dueWorkingDays()), RectificationStatus.DUE, null,
                    List.of(), null, null, false, null, null, null, 0);
        }).filter(report -> !report.quarterEnd().isBefore(publishedOn == null ? LocalDate.MIN : publishedOn))
                .toList();
    }

    public Flux<RectificationReport> ofSubject(String subjectCode) {
        return reports.ofSubject(subjectCode);
    }

    /** One report; another enterprise's does not exist for the reader. */
    public Mono<RectificationReport> find(UUID id, CurrentUser reader) {
        return reports.find(id).filter(report -> reader.isStaff() || reader.actsFor(report.subjectCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("rectification report", id.toString())));
    }

    public Mono<PageResponse<RectificationReport>> search(Collection<RectificationStatus> statuses,
                                                          PageRequest page) {
        return reports.search(statuses, page.offset(), page.size()).collectList().zipWith(reports.count(statuses))
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    /** The enterprise files its own report (again, after a return); late when after the due day. */
    public Mono<RectificationReport> file(UUID id, RectificationRequests.File request, CurrentUser filer) {
        return find(id, filer).flatMap(report -> {
            if (!filer.actsFor(report.subjectCode())) {
                throw new DomainException.Forbidden("only the enterprise files its rectification report");
            }
            RectificationReport next = report.file(request.content(), request.evidence().stream()
                    .map(item -> new RectificationReport.Evidence(item.name(), item.sha256())).toList(),
                    time.today(), filer.username());
            return store(next, filer.username(), "file", Map.of("quarter", next.quarter(), "late", next.late()));
        });
    }

    /** CRD-RECTIFICATION-REVIEW: the credit officer accepts a filed report or returns it with a note. */
    public Mono<RectificationReport> review(UUID id, RectificationRequests.Review request, CurrentUser officer) {
        return reports.find(id)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("rectification report", id.toString())))
                .flatMap(report -> {
                    RectificationReport next = report.review(request.accepted(), request.note(), time.today(),
                            officer.username());
                    return store(next, officer.username(), next.status() == RectificationStatus.ACCEPTED ? "accept"
                            : "return", Map.of("quarter", next.quarter()));
                });
    }

    private Mono<RectificationReport> store(RectificationReport next, String actor, String action,
                                            Map<String, Object> details) {
        return transactions.transactional(reports.update(next, time.now())
                .flatMap(updated -> updated ? audit.record(actor, action, AUDIT_TYPE, next.id().toString(), details)
                        : Mono.error(new DomainException.Conflict("stale-version", "the " + next.quarter()
                        + " report of " + next.subjectCode() + " was changed meanwhile; reload it")))
                .then(reports.find(next.id())));
    }
}
