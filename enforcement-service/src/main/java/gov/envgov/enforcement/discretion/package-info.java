/**
 * Discretion (自由裁量基准): versioned tables as data ({@code discretion/tables.json}) and the pure calculator over
 * them.
 * <p>
 * Invariants: a case is computed under the table version in force on the day; the result stays inside the statutory
 * range unless a mitigation ground is recorded; 首违不罚 where the table lists the violation, and no penalty without
 * fault. Publishes: nothing; the case stores the computed fine beside the decided one.
 */
@NullMarked
package gov.envgov.enforcement.discretion;

import org.jspecify.annotations.NullMarked;
