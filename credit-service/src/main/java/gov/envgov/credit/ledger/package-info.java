/**
 * Credit records (信用记录): every behaviour that counts for an enterprise's credit.
 * <p>
 * Owns: {@code credit_record}.
 * <p>
 * Invariants: one record per source event, however often it is delivered (unique source event id, written in the
 * transaction that advances the feed cursor); each record names its source (producer, feed, position, event id) or,
 * entered by a credit officer, its evidence; it is priced under the scheme version of its period, and says the day
 * it had to be entered by (10 working days after the bureau learned of it, {@code envgov.credit.records}); a
 * withdrawn penalty decision withdraws its record, an upheld objection corrects the records it names — neither is
 * deleted, and neither changes a published result.
 * <p>
 * Consumes: {@code MonitoringExceedance}, {@code ExecutionReportOverdue}, {@code PermitQuantityExceeded},
 * {@code PermitExpired}, {@code DischargeWithoutPermit} (permit-service); {@code ComplaintSubstantiated}
 * (complaint-service); {@code PenaltyDecided}, {@code PenaltyPaid}, {@code InspectionCompleted},
 * {@code DecisionWithdrawn} (enforcement-service). Publishes: nothing.
 */
@NullMarked
package gov.envgov.credit.ledger;

import org.jspecify.annotations.NullMarked;
