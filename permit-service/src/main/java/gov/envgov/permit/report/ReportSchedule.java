package gov.envgov.permit.report;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitObligations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The execution reports a permit owes, kept in step with the permit inside the transaction that issues, imports or
 * ends it.
 */
@Component
class ReportSchedule implements PermitObligations {

    private final ReportRepository reports;
    private final ReportProperties rules;

    ReportSchedule(ReportRepository reports, ReportProperties rules) {
        this.reports = reports;
        this.rules = rules;
    }

    @Override
    public Mono<Void> permitIssued(Permit permit) {
        return schedule(permit, LocalDate.MIN);
    }

    @Override
    public Mono<Void> permitImported(Permit permit, LocalDate from) {
        return schedule(permit, from);
    }

    @Override
    public Mono<Void> permitEnded(Permit permit, LocalDate lastDay) {
        return reports.unschedule(permit.id(), lastDay).then();
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
}
