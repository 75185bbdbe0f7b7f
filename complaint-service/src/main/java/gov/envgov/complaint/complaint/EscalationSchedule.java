package gov.envgov.complaint.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the escalation of overdue complaints at the configured interval on every replica; the service makes sure
 * only one replica escalates at a time and no complaint escalates twice.
 */
@Component
class EscalationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

    private final ComplaintService service;
    private final ComplaintProperties properties;
    private Disposable running;

    EscalationSchedule(ComplaintService service, ComplaintProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        var interval = properties.escalation().interval();
        running = Flux.interval(interval, interval)
                .concatMap(tick -> service.escalateOverdue()
                        .doOnNext(count -> {
                            if (count > 0) {
                                log.info("Escalated {} overdue complaints", count);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("Escalation run failed, next run in {}: {}", interval, error.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
