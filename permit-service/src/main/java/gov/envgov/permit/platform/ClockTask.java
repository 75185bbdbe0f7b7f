package gov.envgov.permit.platform;

import reactor.core.publisher.Mono;

/** Work that follows the calendar (deadlines passing), run periodically by {@link ClockSchedule}. */
public interface ClockTask {

    String name();

    /** Runs once; returns how many objects changed. Must be safe when another replica runs it at the same time. */
    Mono<Long> run();
}
