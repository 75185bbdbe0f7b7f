/**
 * Inspection tasks: the second random draw of 双随机, inspectors for each unit a draw selected.
 * <p>
 * Owns: {@code inspection_task}.
 * <p>
 * Invariants: a draw's inspectors are drawn once, at least {@code inspectors-per-task} (two) per unit, at random from
 * the credentialed inspectors of the draw's district (any, for a city draw) who declared no relation with the unit
 * and were not its last inspectors; an inspector on a task who declares a conflict is replaced by another such
 * inspector, and the relation counts for every later draw, but only until the inspection starts
 * ({@code ASSIGNED → INSPECTING → DONE}, moved by inspections). Who inspects whom stays confidential; the public
 * reads the tasks without the unit until it is done.
 * <p>
 * Publishes: {@code InspectionTasksAssigned}, {@code TaskInspectorReplaced} (no names). Consumes: draws, the inspector
 * pool, the inspection pool's last inspectors.
 */
@NullMarked
package gov.envgov.enforcement.task;

import org.jspecify.annotations.NullMarked;
