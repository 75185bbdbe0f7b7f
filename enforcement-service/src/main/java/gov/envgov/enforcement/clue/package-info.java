/**
 * Clues (案源): leads for enforcement cases.
 * <p>
 * Owns: {@code clue}.
 * <p>
 * Invariants: one clue per source event, however often it is delivered; each clue says where it came from (source,
 * source event, details); the decision whether to file a case is due within the configured working days of receipt
 * ({@code envgov.enforcement.case.filing-working-days}, 15), and the queue shows overdue clues first.
 * <p>
 * Consumes: {@code MonitoringExceedance}, {@code ExecutionReportOverdue}, {@code PermitQuantityExceeded},
 * {@code PermitExpired}, {@code DischargeWithoutPermit} (permit-service), {@code ComplaintSubstantiated} (complaint-service). Publishes:
 * {@code ClueReceived}.
 */
@NullMarked
package gov.envgov.enforcement.clue;

import org.jspecify.annotations.NullMarked;
