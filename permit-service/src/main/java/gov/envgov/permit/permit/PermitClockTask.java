package gov.envgov.permit.permit;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/** Deemed acceptance, expiry reminders and expiry, as the days pass. */
@Component
class PermitClockTask implements ClockTask {

    private final PermitService service;

    PermitClockTask(PermitService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "permit clock";
    }

    @Override
    public Mono<Long> run() {
        return service.runClock();
    }
}
