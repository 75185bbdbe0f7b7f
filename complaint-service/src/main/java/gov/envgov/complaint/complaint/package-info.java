/**
 * Complaints (12345 环境投诉): the aggregate, its way through the line and the handling workflow (accept or return,
 * handle, reply, follow up, close), reading complaints and work queues, and the store every feature changes a
 * complaint through.
 * <p>
 * Owns: the {@code complaint} table.
 * <p>
 * Invariants: every transition checks the state it starts from and returns the next state with its event
 * ({@link gov.envgov.complaint.complaint.Complaint}); a step is stored only over the version it was decided on, in
 * one transaction with its events and audit record ({@link gov.envgov.complaint.complaint.ComplaintStore}); only
 * the unit a complaint is dispatched to acts on it; a complaint belongs to whoever filed it; a citizen sees only
 * their own and a handler their unit's (another's answers 404, so existence does not leak), operators and admins
 * see all; the complainant is shown in full to themself only, masked to staff (each such access logged); a
 * reopened complaint (重办) gets a new time limit from the day it reopens ({@link
 * gov.envgov.complaint.complaint.TimeLimits}: working days from receipt, within the ceiling); the follow-up is
 * given once per answer, by the complainant (their account, or the anonymous secret checked by intake) or the
 * operator's call; a step asked for too early names the step that comes first; an operator corrects the district
 * (audited with the reason); the complaint's history is its audit trail, the filer's account shown to admins only.
 * <p>
 * Publishes: the {@link gov.envgov.complaint.complaint.ComplaintEvent} records (no personal data); from this
 * package's own use cases {@code ComplaintAccepted}, {@code ComplaintReturned}, {@code ComplaintHandled},
 * {@code ComplaintSubstantiated} (the clue for enforcement and credit), {@code ComplaintReplied} (also for each
 * linked duplicate), {@code ComplaintFollowedUp}, {@code ComplaintReopened} (重办, with the new due date),
 * {@code ComplaintClosed}, {@code ComplaintDistrictCorrected}.
 * <p>
 * Consumes: the enterprise directory ({@code enterprise}) for names, the identity vault ({@code complainant}).
 */
@NullMarked
package gov.envgov.complaint.complaint;

import org.jspecify.annotations.NullMarked;
