/**
 * Double-random draws of entities (双随机、一公开) that anyone can verify.
 * <p>
 * Owns: {@code draw} (plan, seed commitment, result) and {@code draw_snapshot} (the canonical pool snapshot a draw
 * ran on).
 * <p>
 * Invariants: the seed's SHA-256 is published with the plan, before the draw; a plan is drawn once and never
 * re-rolled (one draw per period and scope); the draw is {@link gov.envgov.enforcement.draw.DrawAlgorithm}'s
 * selection over the stored snapshot and seed, specified in {@code DRAW-ALGORITHM.md}; the drawn list is shown to
 * staff only until the results are published, and the seed only then.
 * <p>
 * Publishes: {@code DrawAnnounced}, {@code DrawPerformed}, {@code DrawPublished}. Consumes: the inspection pool
 * ({@code gov.envgov.enforcement.pool}).
 */
@NullMarked
package gov.envgov.enforcement.draw;

import org.jspecify.annotations.NullMarked;
