/**
 * Side measures of a case: daily continuous penalty (按日连续处罚), sealing (查封、扣押) and production limits
 * (限制生产), each with its clock.
 * <p>
 * Owns: {@code side_measure}.
 * <p>
 * Invariants ({@link gov.envgov.enforcement.measure.SideMeasure}, numbers in
 * {@code envgov.enforcement.measure}): a daily penalty follows a penalty decision in force for a listed violation
 * type; its re-inspection is covert and within 30 days of the order to correct; each re-inspection that finds the
 * violation going on (or is refused) adds the days since the order's service × the original fine, without cap, and
 * serves a new order; a corrected one ends it. Sealing lasts at most 30 days (testing time not counted), a
 * production limit at most 3 months; each is extended once at most. The clock reports each passed deadline once.
 * Every act is in the case's audit chain.
 * <p>
 * Publishes: {@code SideMeasureStarted}, {@code DailyPenaltyAssessed}, {@code SideMeasureExtended},
 * {@code MeasureDeadlinePassed}, {@code SideMeasureEnded}.
 */
@NullMarked
package gov.envgov.enforcement.measure;

import org.jspecify.annotations.NullMarked;
