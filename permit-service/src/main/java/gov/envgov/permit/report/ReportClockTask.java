package gov.envgov.permit.report;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/** Reports whose due date passed become overdue. */
@Component
class ReportClockTask implements ClockTask {

    private final ReportService service;

    ReportClockTask(ReportService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "overdue execution reports";
    }

    @Override
    public Mono<Long> run() {
        return service.markOverdue();
    }
}
