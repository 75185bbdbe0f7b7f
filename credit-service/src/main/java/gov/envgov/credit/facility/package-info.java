/**
 * The facility report (企业环境守法档案, after US EPA ECHO's Detailed Facility Report): one public page per enterprise
 * with its permits, execution reports, monitoring exceedances, inspections, cases and penalties, credit grades, and
 * the 12-quarter compliance status string, built only from the events this service consumes.
 * <p>
 * Owns: {@code facility_fact}, {@code facility_snapshot}.
 * <p>
 * Invariants: one fact per source event, however often it is delivered (written in the transaction that advances
 * the feed cursor); only what may be published is kept (a substantiated complaint keeps its category, never its
 * findings or the complainant); a withdrawn decision marks its case's facts withdrawn and they stop counting in the
 * quarters, but stay in the history; a pinned report is the exact bytes served, addressed by their SHA-256, and never
 * changes.
 * <p>
 * Consumes: {@code PermitIssued}, {@code PermitChanged}, {@code PermitEnded}, {@code PermitExpired},
 * {@code PermitSuperseded}, {@code ExecutionReportFiled}, {@code ExecutionReportOverdue},
 * {@code PermitQuantityExceeded}, {@code MonitoringExceedance}, {@code DischargeWithoutPermit} (permit-service);
 * {@code ComplaintSubstantiated} (complaint-service); {@code InspectionCompleted}, {@code CaseFiled},
 * {@code PenaltyDecided}, {@code PenaltyPaid}, {@code DecisionWithdrawn}, {@code CaseClosed} (enforcement-service).
 * Publishes: nothing.
 */
@NullMarked
package gov.envgov.credit.facility;

import org.jspecify.annotations.NullMarked;
