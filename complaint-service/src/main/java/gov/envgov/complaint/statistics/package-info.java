/**
 * Complaint statistics: counts by category, district and month, the on-time rate, satisfaction and "solved" kept
 * apart, in the bureau's time zone.
 * <p>
 * Owns: nothing; reads {@code complaint}. Invariant: staff see every figure; the public version suppresses any cell
 * small enough to point at a person. Publishes nothing; consumes nothing.
 */
@NullMarked
package gov.envgov.complaint.statistics;

import org.jspecify.annotations.NullMarked;
