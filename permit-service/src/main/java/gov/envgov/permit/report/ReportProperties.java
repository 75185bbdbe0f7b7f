package gov.envgov.permit.report;

import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When execution reports are due (DOMAIN.md): the annual report on a day of the next year, the quarterly one a
 * number of days after the quarter, the monthly one on a day of the next month.
 *
 * @param clockBatchSize how many reports the overdue clock marks at a time; it goes on until none is left
 */
@ConfigurationProperties("envgov.permit.reports")
public record ReportProperties(MonthDay annualDue, int quarterlyDueDays, int monthlyDueDay, int clockBatchSize) {

    public ReportProperties {
        if (clockBatchSize < 1) {
            throw new IllegalArgumentException("envgov.permit.reports.clock-batch-size must be at least 1");
        }
    }
}
