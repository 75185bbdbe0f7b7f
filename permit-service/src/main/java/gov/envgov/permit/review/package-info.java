/**
 * A permit application's way to a decision: the applicant applies, edits and submits; a reviewer asks for a
 * supplement within the completeness period, accepts, schedules a site check, issues or rejects; the review clock
 * deems an application accepted when nobody asked for a supplement in time (3-day rule); the review queue puts the
 * earliest deadline first.
 * <p>
 * Owns: no table of its own; it changes permits through {@link gov.envgov.permit.permit.PermitStore}.
 * <p>
 * Invariants: one open application of a kind per holder; only the applicant applies, edits and submits, only
 * reviewers decide; a new permit supersedes any permit its holder still has, a renewal starts the day after the
 * permit it renews and keeps its number, and is refused when that permit ended meanwhile.
 * <p>
 * Publishes: {@code PermitApplicationSubmitted}, {@code PermitSupplementRequested}, {@code PermitApplicationAccepted}
 * (also when deemed), {@code PermitSiteCheckScheduled}, {@code PermitIssued}, {@code PermitRejected},
 * {@code PermitSuperseded}. Consumes: the enterprise registry.
 */
@NullMarked
package gov.envgov.permit.review;

import org.jspecify.annotations.NullMarked;
