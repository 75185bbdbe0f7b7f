package gov.envgov.permit.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.permit.permit.PermitObligations;
import gov.envgov.permit.permit.PermitService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Execution reports: the schedule a permit creates, filing, and reports that become overdue. */
@Service
public class ReportService implements PermitObligations {


    private final ReportRepository reports;
    private final PermitService permits;
    private final ReportProperties rules;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final ZoneId zone;

    ReportService(ReportRepository reports, @Lazy PermitService permits,
                  ReportProperties rules, Outbox outbox, AuditTrail audit, DatabaseClient db,
                  TransactionalOperator transactions, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.permits = permits;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Mono<Void> permitIssued(Permit permit) {
        return schedule(permit, LocalDate.MIN);
    }

    @Override
    public Mono<Void> permitImported(Permit permit, LocalDate from) {
        return schedule(permit, from);
    }

    /** The reports a permit owes over its validity that fall due on or after {@code from}. */
    private Mono<Void> schedule(Permit permit, LocalDate from) {
        return Flux.fromIterable(permit.content().frequenciesFor(permit.permitClass()))
                .flatMapIterable(frequency -> ReportPeriod.covering(frequency, permit.validity().validFrom(),
                        permit.validity().validTo(), rules))
                .filter(period -> !period.dueOn().isBefore(from))
                .concatMap(period -> reports.schedule(permit.id(), permit.enterpriseCode(), period))
                .then();
    }

    @Override
    public Mono<Void> permitEnded(Permit permit, LocalDate lastDay) {
        return reports.unschedule(permit.id(), lastDay).then();
    }

    public Flux<ExecutionReport> forPermit(UUID permitId, CurrentUser actor) {
        return permits.find(permitId, actor).thenMany(reports.forPermit(permitId));
    }

    public Flux<ExecutionReport> forEnterpriseDueBy(String enterpriseCode, LocalDate day) {
        return reports.forEnterpriseDueBy(enterpriseCode, day);
    }

    public Mono<ExecutionReport> file(UUID permitId, ReportFrequency frequency, LocalDate periodStart,
                                      FileReportRequest request, CurrentUser actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return transactions.transactional(permits.find(permitId, actor).flatMap(permit -> {
            if (!actor.actsFor(permit.enterpriseCode())) {
                return Mono.error(new DomainException.Forbidden("only the permit holder files its reports"));
            }
            return reports.find(permitId, frequency, periodStart)
                    .switchIfEmpty(Mono.error(new DomainException.NotFound("execution report",
                            permitId + "/" + frequency + "/" + periodStart)))
                    .flatMap(report -> {
                        var filed = report.file(request.toEmissions(), permit.content(), actor.username(), today,
                                clock.instant());
                        ExecutionReport stored = filed.report();
                        boolean late = stored.status() == ReportStatus.FILED_LATE;
                        return reports.file(stored)
                                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                                        "report-filed", "this report was filed meanwhile")))
                                .then(outbox.append(new ReportEvents.ExecutionReportFiled(permitId,
                                        permit.enterpriseCode(), frequency, periodStart, late)))
                                .thenMany(Flux.fromIterable(filed.exceedances()).concatMap(outbox::append))
                                .then(audit.record(actor.username(), "file-report", "permit", permitId.toString(),
                                        Map.of("frequency", frequency.name(), "periodStart", periodStart.toString(),
                                                "late", late, "exceeded", !filed.exceedances().isEmpty())))
                                .thenReturn(stored);
                    });
        }));
    }

    /**
     * Marks reports past their due date as overdue, each with an {@code ExecutionReportOverdue} event. Safe with
     * several replicas: one run at a time holds an advisory lock, and the update only takes reports still due.
     */
    public Mono<Long> markOverdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.REPORT_OVERDUE,
                        () -> reports.markOverdue(today, 5000).collectList().flatMapIterable(list -> list))
                .concatMap(report -> outbox.append(new ReportEvents.ExecutionReportOverdue(report.permitId(),
                        report.enterpriseCode(), report.frequency(),
                        report.periodStart(), report.dueOn())).thenReturn(report))
                .count());
    }
}
