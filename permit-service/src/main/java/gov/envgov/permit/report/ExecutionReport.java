package gov.envgov.permit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gov.envgov.permit.permit.PermitContent;
import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.permit.report.ReportEvents.PermitQuantityExceeded;
import gov.envgov.support.domain.DomainException;

/**
 * One execution report a permit owes (see {@link ReportStatus}). Filing checks the period is over and every line
 * names an outlet and pollutant of the permit; an annual report above a permitted quantity is an exceedance.
 */
public record ExecutionReport(UUID permitId, String enterpriseCode, ReportFrequency frequency, LocalDate periodStart,
                              LocalDate periodEnd, LocalDate dueOn, ReportStatus status, List<Emission> emissions,
                              Boolean exceeded, String filedBy, Instant filedAt) {

    /** Reported emissions of one outlet's pollutant over the period, in tonnes. */
    public record Emission(String outlet, String pollutant, double tonnes) {
    }

    public record Filed(ExecutionReport report, List<PermitQuantityExceeded> exceedances) {
    }

    public Filed file(List<Emission> reported, PermitContent permit, String by, LocalDate today, Instant now) {
        if (status == ReportStatus.FILED || status == ReportStatus.FILED_LATE) {
            throw new DomainException.Conflict("report-filed", "the " + frequency + " report of permit " + permitId
                    + " for the period from " + periodStart + " was filed on " + filedAt,
                    new DomainException.Blocker("execution report", permitId + "/" + frequency + "/" + periodStart,
                            status), null);
        }
        if (!today.isAfter(periodEnd)) {
            throw new DomainException.RuleViolation("period-not-over", "periodStart",
                    "the period ends " + periodEnd + "; report after it");
        }
        Set<String> seen = new HashSet<>();
        List<PermitQuantityExceeded> exceedances = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            Emission line = reported.get(i);
            String field = "emissions[" + i + "]";
            Optional<PermitContent.PermittedPollutant> permitted = permit.outlet(line.outlet())
                    .flatMap(outlet -> outlet.pollutant(line.pollutant()));
            if (permitted.isEmpty()) {
                throw new DomainException.RuleViolation("unknown-outlet-or-pollutant", field,
                        line.outlet() + "/" + line.pollutant() + " is not in the permit");
            }
            if (!seen.add(line.outlet() + "/" + line.pollutant())) {
                throw new DomainException.RuleViolation("duplicate-line", field,
                        line.outlet() + "/" + line.pollutant() + " is reported twice");
            }
            Double limit = permitted.get().annualTonnes();
            if (frequency == ReportFrequency.ANNUAL && limit != null && line.tonnes() > limit) {
                exceedances.add(new PermitQuantityExceeded(permitId, enterpriseCode, periodStart.getYear(),
                        line.outlet(), line.pollutant(), line.tonnes(), limit));
            }
        }
        ReportStatus next = today.isAfter(dueOn) ? ReportStatus.FILED_LATE : ReportStatus.FILED;
        return new Filed(new ExecutionReport(permitId, enterpriseCode, frequency, periodStart, periodEnd, dueOn, next,
                List.copyOf(reported), !exceedances.isEmpty(), by, now), exceedances);
    }
}
