package gov.envgov.complaint.sla;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/**
 * Compares the loaded holiday calendar with the one the stored due dates were counted on, on the service's clock
 * (its first run comes right after start-up, when a corrected calendar file takes effect).
 */
@Component
class DueDateRecountClockTask implements ClockTask {

    private final DueDateRecount recount;

    DueDateRecountClockTask(DueDateRecount recount) {
        this.recount = recount;
    }

    @Override
    public String name() {
        return "due dates counted again after a holiday calendar change";
    }

    @Override
    public Mono<Long> run() {
        return recount.recountChangedYears();
    }
}
