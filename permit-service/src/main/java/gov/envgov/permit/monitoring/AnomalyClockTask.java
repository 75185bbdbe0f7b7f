package gov.envgov.permit.monitoring;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/** Silent outlets (PERMIT-DATA-ANOMALY), as the hours pass. */
@Component
class AnomalyClockTask implements ClockTask {

    private final AnomalyService service;

    AnomalyClockTask(AnomalyService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "monitoring silence clock";
    }

    @Override
    public Mono<Long> run() {
        return service.detectSilence();
    }
}
