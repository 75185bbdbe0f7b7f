/**
 * Online monitoring (在线监测): batches of readings from enterprises and monitoring systems, checked one by one
 * against the permit limits as they are stored (COPY), exceedance episodes, hourly and daily means.
 * <p>
 * Owns: {@code monitoring_reading} and {@code exceedance_episode}.
 * <p>
 * Invariants: one reading per outlet, pollutant and instant; a reading is stored only for an outlet and pollutant
 * of a permit valid on its day; batches of one enterprise are applied one at a time; one open episode per series,
 * and what a batch does to episodes is decided by {@link gov.envgov.permit.monitoring.EpisodeTracker} alone.
 * <p>
 * Publishes: {@code MonitoringExceedance}, once per episode. Consumes: the permitted limits ({@code permit_limit},
 * written by the permit feature).
 */
@NullMarked
package gov.envgov.permit.monitoring;

import org.jspecify.annotations.NullMarked;
