/**
 * The complaint clock: pauses while the unit waits on the complainant, extensions (asked for by the unit, approved
 * or refused by an operator, or approved by an operator directly), and escalation of
 * overdue work (催办 → 督办 → 通报) and of emergencies not dispatched in time, run by the service's clock.
 * <p>
 * Owns: the clock columns of {@code complaint} (due date moves, pause, extension, escalation level), written through
 * the complaint store; the {@code complaint_extension_request} table (one request waiting per complaint, decided
 * once; an approval moves the due date by the approved working days).
 * <p>
 * Invariants ({@link gov.envgov.complaint.sla.SlaRules} and the aggregate): a pause moves the due date by the working
 * days the clock stood still; an extension is approved once, before the due date passes, within the ceiling plus
 * the extension ceiling, both counted from receipt (a letter's arrival), and a pause never moves it past the
 * ceiling; a level only rises, one step per run at most once each; one replica escalates at a time and every overdue
 * complaint is seen, batch after batch; when a year's holiday schedule changes, the open complaints counted across
 * it are counted again ({@link gov.envgov.complaint.sla.DueDateRecount}).
 * <p>
 * Publishes: {@code ComplaintPaused}, {@code ComplaintResumed}, {@code ComplaintExtensionRequested},
 * {@code ComplaintExtensionRefused}, {@code ComplaintExtended},
 * {@code ComplaintEscalated}, {@code ComplaintDueDateChanged}. Consumes: the complaint workflow ({@code complaint}).
 */
@NullMarked
package gov.envgov.complaint.sla;

import org.jspecify.annotations.NullMarked;
