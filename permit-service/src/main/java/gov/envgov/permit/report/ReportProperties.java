package gov.envgov.permit.report;

import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When execution reports are due (DOMAIN.md): the annual report on a day of the next year, the quarterly one a
 * number of days after the quarter, the monthly one on a day of the next month.
 */
@ConfigurationProperties("envgov.permit.reports")
public record ReportProperties(MonthDay annualDue, int quarterlyDueDays, int monthlyDueDay) {
}
