package gov.envgov.support.schedule;

import reactor.core.publisher.Mono;

/**
 * Work that follows the calendar (deadlines passing, escalation), run periodically by {@link ClockSchedule}. A service
 * declares its tasks as beans; the schedule runs them all, one after the other.
 */
public interface ClockTask {

    String name();

    /** Runs once; returns how many objects changed. Must be safe when another replica runs it at the same time. */
    Mono<Long> run();
}
