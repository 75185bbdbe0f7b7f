package gov.envgov.permit.platform;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs every {@link ClockTask} at the configured interval on every replica; the tasks take turns themselves. Tests
 * that move the clock by hand switch it off ({@code envgov.permit.clock-enabled=false}) and run the tasks themselves.
 */
@Component
@ConditionalOnProperty(name = "envgov.permit.clock-enabled", havingValue = "true", matchIfMissing = true)
class ClockSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockSchedule.class);

    private final List<ClockTask> tasks;
    private final Duration interval;
    private Disposable running;

    ClockSchedule(List<ClockTask> tasks, @Value("${envgov.permit.clock-interval}") Duration interval) {
        this.tasks = tasks;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        running = Flux.interval(Duration.ofSeconds(5), interval)
                .concatMap(tick -> Flux.fromIterable(tasks).concatMap(task -> task.run()
                        .doOnNext(count -> {
                            if (count > 0) {
                                log.info("{}: {} changed", task.name(), count);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("{} failed, next run in {}: {}", task.name(), interval, error.toString());
                            return Mono.empty();
                        })))
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
