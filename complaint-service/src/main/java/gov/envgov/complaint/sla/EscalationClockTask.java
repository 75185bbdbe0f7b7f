package gov.envgov.complaint.sla;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/**
 * Escalation of overdue complaints, run by the service's clock ({@code envgov.clock.*}) on every replica; the
 * service makes sure only one replica escalates at a time and no complaint escalates twice.
 */
@Component
class EscalationClockTask implements ClockTask {

    private final EscalationService escalation;

    EscalationClockTask(EscalationService escalation) {
        this.escalation = escalation;
    }

    @Override
    public String name() {
        return "escalation of overdue complaints";
    }

    @Override
    public Mono<Long> run() {
        return escalation.escalateOverdue();
    }
}
