/**
 * Execution reports (执行报告): the schedule each issued or imported permit creates (annual for all, quarterly for
 * key holders, monthly where the permit says so), filing by the holder, and reports that become overdue.
 * <p>
 * Owns: the {@code execution_report} table.
 * <p>
 * Invariants: a report is filed once, after its period, by the holder; every line names an outlet and pollutant of
 * the permit; a period is reported once per holder, under the permit it was first owed under; reports of periods
 * after a permit stopped binding are dropped unless filed.
 * <p>
 * Publishes: {@code ExecutionReportFiled}, {@code ExecutionReportOverdue} and {@code PermitQuantityExceeded}
 * (annual emissions above the permitted quantity), on the permit's stream. Consumes: permits being issued, imported
 * or ended ({@link gov.envgov.permit.permit.PermitObligations}), and permits through
 * {@link gov.envgov.permit.permit.PermitQueryService}.
 */
@NullMarked
package gov.envgov.permit.report;

import org.jspecify.annotations.NullMarked;
