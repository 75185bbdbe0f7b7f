package gov.envgov.support.schedule;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a task at a fixed interval while the application runs, one run after the other; a failed run is logged and
 * the next one comes at its time. The task reports how many objects it changed. Subclass it as a component.
 */
public abstract class PeriodicRun implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicRun.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Supplier<Mono<Long>> task;
    private Disposable running;

    protected PeriodicRun(String name, Duration initialDelay, Duration interval, Supplier<Mono<Long>> task) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public synchronized void start() {
        running = Flux.interval(initialDelay, interval)
                .concatMap(tick -> task.get()
                        .doOnNext(count -> {
                            if (count > 0) {
                                log.info("{}: {} changed", name, count);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("{} failed, next run in {}: {}", name, interval, error.toString());
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
