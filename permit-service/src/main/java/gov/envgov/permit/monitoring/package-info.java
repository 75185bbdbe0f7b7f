/**
 * Online monitoring (在线监测): batches of readings from enterprises and monitoring systems, checked one by one
 * against the permit limits as they are stored (COPY), exceedance episodes, hourly and daily means.
 * <p>
 * Owns: {@code monitoring_reading}, {@code exceedance_episode}, {@code unpermitted_discharge_episode},
 * {@code compliance_mean} (judged hourly/daily means of valid data), {@code supervision_trigger},
 * {@code monitoring_series} and {@code data_anomaly}.
 * <p>
 * Invariants: one reading per outlet, pollutant and instant; a reading is stored for an outlet and pollutant of a
 * permit valid on its day, or, from a unit holding no valid permit that day, marked {@code without_permit} as
 * evidence (never discarded); batches of one enterprise are applied one at a time; one open episode per series,
 * and what a batch does to episodes is decided by {@link gov.envgov.permit.monitoring.EpisodeTracker} alone.
 * <p>
 * Publishes: {@code MonitoringExceedance}, once per episode; {@code DischargeWithoutPermit} ({@code episodeId},
 * {@code enterpriseCode}, {@code outlet}, {@code detectedOn}, {@code startedAt}), once per outlet and episode of
 * readings without a valid permit (decided by {@link gov.envgov.permit.monitoring.UnpermittedTracker});
 * {@code MonitoringSupervisionTriggered} (daily means over the limit on 10 of 30 days) and
 * {@code MonitoringDataAnomaly} (silent outlet, constant values, out of the analyser's range). Consumes: the
 * permitted limits ({@code permit_limit}, written by the permit feature).
 */
@NullMarked
package gov.envgov.permit.monitoring;

import org.jspecify.annotations.NullMarked;
