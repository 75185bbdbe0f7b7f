/**
 * Evaluations of a period (信用评价): the preliminary result, objections, approval and final publication.
 * <p>
 * Owns: {@code credit_evaluation}, {@code credit_result} (append-only: one row per subject and version),
 * {@code credit_objection}.
 * <p>
 * Invariants: a period (calendar year) is evaluated once, after it ends, under the scheme version in force for it;
 * every subject in the scheme's scope gets a result, frozen as version 1 and published for objections
 * ({@code envgov.credit.evaluation.objection-days}, 15 days); an enterprise objects only to its own result, within
 * the window; each objection is answered once, and an upheld one corrects the records it names and makes a new
 * version (the earlier stays); approval only after the window and with no objection open; final publication within
 * {@code envgov.credit.evaluation.final-publication-working-days} (5) working days of approval, by the clock on the
 * last day at the latest. Every result explains itself: indicator, records, source events, rule, scheme version.
 * A published result never changes: later versions are added beside it.
 * <p>
 * Publishes: {@code PreliminaryResultPublished}, {@code EvaluationApproved}, {@code CreditGradePublished} (one per
 * subject on final publication). Consumes: credit records ({@code ledger}), subjects ({@code subject}), schemes.
 */
@NullMarked
package gov.envgov.credit.evaluation;

import org.jspecify.annotations.NullMarked;
