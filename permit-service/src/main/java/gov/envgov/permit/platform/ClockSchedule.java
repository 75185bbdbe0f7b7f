package gov.envgov.permit.platform;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.PeriodicRun;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link ClockTask} at the configured interval on every replica; the tasks take turns themselves, and one
 * task failing does not keep the others from running. Tests that move the clock by hand switch it off
 * ({@code envgov.permit.clock-enabled=false}) and run the tasks themselves.
 */
@Component
@ConditionalOnProperty(name = "envgov.permit.clock-enabled", havingValue = "true", matchIfMissing = true)
class ClockSchedule extends PeriodicRun {

    private static final Logger log = LoggerFactory.getLogger(ClockSchedule.class);

    ClockSchedule(List<ClockTask> tasks, @Value("${envgov.permit.clock-interval}") Duration interval) {
        super("permit clock", Duration.ofSeconds(5), interval, () -> Flux.fromIterable(tasks)
                .concatMap(task -> task.run().onErrorResume(error -> {
                    log.warn("{} failed: {}", task.name(), error.toString());
                    return Mono.just(0L);
                }))
                .reduce(0L, Long::sum));
    }
}
