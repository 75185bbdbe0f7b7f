/**
 * Inspections (检查): an inspector assigned to a task performs it.
 * <p>
 * Owns: {@code inspection}, {@code inspection_evidence}.
 * <p>
 * Invariants ({@link gov.envgov.enforcement.inspection.Inspection}, numbers in
 * {@link gov.envgov.enforcement.inspection.InspectionRules}): one inspection per task, performed only by the task's
 * inspectors; its checklist is the catalogue's inspection items for the unit's class and industry; a positive-list
 * unit is inspected off site first (on site only for a stated reason); a failed item states its finding; completed
 * once every item is checked, failed when any item failed; the result is published on completion, within
 * {@code results-working-days} working days; evidence files are kept with their SHA-256 up to
 * {@code evidence-max-size}; a failed item raises at most one clue. The enterprise reads its own inspections without
 * the inspectors' internal notes; every act is in the inspection's audit chain.
 * <p>
 * Publishes: {@code InspectionStarted} (no unit), {@code InspectionCompleted} (unit, result, failed items). On
 * completion the inspection pool learns when and by whom the unit was inspected ({@code last_inspectors}, recusal).
 */
@NullMarked
package gov.envgov.enforcement.inspection;

import org.jspecify.annotations.NullMarked;
