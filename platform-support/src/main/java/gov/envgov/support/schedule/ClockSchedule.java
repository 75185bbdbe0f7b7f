package gov.envgov.support.schedule;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link ClockTask} of a service at one interval on every replica; the tasks take turns themselves (see
 * {@link ReplicaTurns}), and one task failing does not keep the others from running. Every service has the same
 * switch: {@code envgov.clock.enabled=false} turns it off, for tests that move the clock by hand and run the tasks
 * themselves; {@code envgov.clock.interval} sets the interval.
 */
public class ClockSchedule extends PeriodicRun {

    private static final Logger log = LoggerFactory.getLogger(ClockSchedule.class);

    public ClockSchedule(List<ClockTask> tasks, Duration initialDelay, Duration interval) {
        super("clock", initialDelay, interval, () -> Flux.fromIterable(tasks)
                .concatMap(task -> task.run().onErrorResume(error -> {
                    log.warn("{} failed: {}", task.name(), error.toString());
                    return Mono.just(0L);
                }))
                .reduce(0L, Long::sum));
    }
}
