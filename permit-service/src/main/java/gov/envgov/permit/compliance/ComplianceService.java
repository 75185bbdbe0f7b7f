package gov.envgov.permit.compliance;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import gov.envgov.permit.enterprise.EnterpriseService;
import gov.envgov.permit.monitoring.MonitoringService;
import gov.envgov.permit.permit.PermitQueryService;
import gov.envgov.permit.report.ExecutionReport;
import gov.envgov.permit.report.ReportService;
import gov.envgov.permit.report.ReportStatus;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/** Puts an enterprise's permits, reports and monitoring exceedances together, quarter by quarter. */
@Service
public class ComplianceService {

    static final int QUARTERS = 12;

    private final EnterpriseService enterprises;
    private final PermitQueryService permits;
    private final ReportService reports;
    private final MonitoringService monitoring;
    private final BureauTime time;

    ComplianceService(EnterpriseService enterprises, PermitQueryService permits, ReportService reports,
                      MonitoringService monitoring, BureauTime time) {
        this.enterprises = enterprises;
        this.permits = permits;
        this.reports = reports;
        this.monitoring = monitoring;
        this.time = time;
    }

    public Mono<CompliancePicture> picture(String code, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(code)) {
            return Mono.error(new DomainException.NotFound("enterprise", code));
        }
        LocalDate today = time.today();
        LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate firstQuarter = thisQuarter.minusMonths(3L * (QUARTERS - 1));
        return enterprises.find(code).flatMap(enterprise -> Mono.zip(
                permits.allForEnterprise(code).map(p -> new CompliancePicture.PermitLine(p.id(),
                        p.validity().number(), p.status(), p.validity().validFrom(), p.validity().validTo()))
                        .collectList(),
                reports.forEnterpriseDueBy(code, today).collectList(),
                monitoring.exceedanceStartsSince(code, firstQuarter).map(time::dateOf).collectList())
                .map(parts -> {
                    List<ExecutionReport> due = parts.getT2();
                    List<LocalDate> exceedances = parts.getT3();
                    List<CompliancePicture.Quarter> quarters = new ArrayList<>();
                    for (int i = 0; i < QUARTERS; i++) {
                        LocalDate start = thisQuarter.minusMonths(3L * i);
                        LocalDate end = start.plusMonths(3).minusDays(1);
                        int episodes = (int) exceedances.stream().filter(day -> within(day, start, end)).count();
                        int lateOrMissing = (int) due.stream().filter(r -> within(r.dueOn(), start, end))
                                .filter(r -> r.status() == ReportStatus.OVERDUE
                                        || r.status() == ReportStatus.FILED_LATE).count();
                        int quantity = (int) due.stream().filter(r -> within(r.dueOn(), start, end))
                                .filter(r -> Boolean.TRUE.equals(r.exceeded())).count();
                        quarters.add(new CompliancePicture.Quarter(start.getYear() + "Q"
                                + start.get(IsoFields.QUARTER_OF_YEAR), start, end, episodes, lateOrMissing,
                                quantity, episodes + lateOrMissing + quantity > 0));
                    }
                    var summary = new CompliancePicture.Reports(due.size(),
                            count(due, ReportStatus.FILED), count(due, ReportStatus.FILED_LATE),
                            count(due, ReportStatus.OVERDUE),
                            (int) due.stream().filter(r -> Boolean.TRUE.equals(r.exceeded())).count());
                    return new CompliancePicture(code, enterprise.name(), today, parts.getT1(), summary, quarters,
                            (int) quarters.stream().filter(CompliancePicture.Quarter::inViolation).count());
                }));
    }

    private static boolean within(LocalDate day, LocalDate start, LocalDate end) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    private static int count(List<ExecutionReport> reports, ReportStatus status) {
        return (int) reports.stream().filter(r -> r.status() == status).count();
    }
}
