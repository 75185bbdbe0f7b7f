/**
 * Execution reports (执行报告): the schedule each issued permit creates (annual for all, quarterly for key holders,
 * monthly where the permit says so), filing by the holder, and reports that become overdue.
 * <p>
 * Owns the {@code execution_report} table. Invariants: a report is filed once, after its period; every line names an
 * outlet and pollutant of the permit. Publishes {@code ExecutionReportFiled}, {@code ExecutionReportOverdue} and
 * {@code PermitQuantityExceeded} (annual emissions above the permitted quantity).
 */
package gov.envgov.permit.report;
