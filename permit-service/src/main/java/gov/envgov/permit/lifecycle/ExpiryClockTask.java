package gov.envgov.permit.lifecycle;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/** Expiry reminders and expiry, as the days pass. */
@Component
class ExpiryClockTask implements ClockTask {

    private final ExpiryService service;

    ExpiryClockTask(ExpiryService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "permit expiry clock";
    }

    @Override
    public Mono<Long> run() {
        return service.remindAndExpire();
    }
}
