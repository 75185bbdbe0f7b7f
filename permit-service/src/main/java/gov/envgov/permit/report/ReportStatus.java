package gov.envgov.permit.report;

/** {@code DUE → FILED}, or {@code DUE → OVERDUE → FILED_LATE} when the due date passes first. */
public enum ReportStatus { DUE, OVERDUE, FILED, FILED_LATE }
