package gov.envgov.permit.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.Batches;
import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.permit.permit.PermitQueryService;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Execution reports: filing, reading, and reports that become overdue. */
@Service
public class ReportService {

    private final ReportRepository reports;
    private final PermitQueryService permits;
    private final int batchSize;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    ReportService(ReportRepository reports, PermitQueryService permits, ReportProperties rules, Outbox outbox,
                  AuditTrail audit, DatabaseClient db, TransactionalOperator transactions, BureauTime time) {
        this.reports = reports;
        this.permits = permits;
        this.batchSize = rules.clockBatchSize();
        this.outbox = outbox;
        this.audit = audit;
        this.db = db;
        this.transactions = transactions;
        this.time = time;
    }

    public Flux<ExecutionReport> forPermit(UUID permitId, CurrentUser actor) {
        return permits.find(permitId, actor).thenMany(reports.forPermit(permitId));
    }

    public Flux<ExecutionReport> forEnterpriseDueBy(String enterpriseCode, LocalDate day) {
        return reports.forEnterpriseDueBy(enterpriseCode, day);
    }

    public Mono<ExecutionReport> file(UUID permitId, ReportFrequency frequency, LocalDate periodStart,
                                      FileReportRequest request, CurrentUser actor) {
        LocalDate today = time.today();
        return transactions.transactional(permits.find(permitId, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the permit holder files its reports"));
            }
            return reports.find(permitId, frequency, periodStart)
                    .switchIfEmpty(Mono.error(new DomainException.NotFound("execution report",
                            permitId + "/" + frequency + "/" + periodStart)))
                    .flatMap(report -> {
                        var filed = report.file(request.toEmissions(), permit.content(), actor.username(), today,
                                time.now());
                        ExecutionReport stored = filed.report();
                        boolean late = stored.status() == ReportStatus.FILED_LATE;
                        return reports.file(stored)
                                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                                        "report-filed", "the " + frequency + " report of permit " + permitId
                                        + " for the period from " + periodStart + " was filed meanwhile",
                                        new DomainException.Blocker("execution report",
                                                permitId + "/" + frequency + "/" + periodStart, null), null)))
                                .then(outbox.append(new ReportEvents.ExecutionReportFiled(permitId,
                                        permit.enterpriseCode(), frequency, periodStart, late)))
                                .thenMany(Flux.fromIterable(filed.exceedances()).concatMap(outbox::append))
                                .then(audit.record(actor.username(), "file-report", PermitStore.AUDIT_TYPE,
                                        permitId.toString(), Map.of("frequency", frequency.name(), "periodStart",
                                                periodStart.toString(), "late", late,
                                                "exceeded", !filed.exceedances().isEmpty())))
                                .thenReturn(stored);
                    });
        }));
    }

    /**
     * Marks reports past their due date as overdue, each with an {@code ExecutionReportOverdue} event, a batch at a
     * time until none is left. Safe with several replicas: one run at a time holds an advisory lock, and the update
     * only takes reports still due.
     */
    public Mono<Long> markOverdue() {
        LocalDate today = time.today();
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.REPORT_OVERDUE,
                () -> markOverdue(today)).count());
    }

    private Flux<ExecutionReport> markOverdue(LocalDate today) {
        // A batch marks its reports overdue, so the next one needs no key to start after: the rest are still due.
        return Batches.untilShort(batchSize, (Optional<ExecutionReport> after) -> reports.markOverdue(today, batchSize),
                report -> outbox.append(new ReportEvents.ExecutionReportOverdue(report.permitId(),
                        report.enterpriseCode(), report.frequency(), report.periodStart(), report.dueOn()))
                        .thenReturn(report));
    }
}
