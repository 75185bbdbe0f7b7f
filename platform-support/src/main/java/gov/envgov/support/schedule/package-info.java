/**
 * Work that follows the clock: one {@link gov.envgov.support.schedule.ClockSchedule} per service running its
 * {@link gov.envgov.support.schedule.ClockTask}s, replica turns by PostgreSQL advisory locks, and the registry of
 * those locks ({@link gov.envgov.support.schedule.AdvisoryLock}).
 */
@NullMarked
package gov.envgov.support.schedule;

import org.jspecify.annotations.NullMarked;
