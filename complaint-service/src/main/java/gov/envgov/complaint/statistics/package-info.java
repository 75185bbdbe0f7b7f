/**
 * Complaint statistics: counts by category, district and month, the on-time rate, satisfaction and "solved" kept
 * apart, in the bureau's time zone.
 * <p>
 * Owns: nothing; reads {@code complaint}. Invariant: staff see every figure; the public version suppresses any cell
 * small enough to point at a person, the same way in every field, as null (never 0) and named, and the cell that
 * would let one be worked out from a total ({@link gov.envgov.complaint.statistics.CellSuppression}). Publishes
 * nothing; consumes nothing.
 */
@NullMarked
package gov.envgov.complaint.statistics;

import org.jspecify.annotations.NullMarked;
