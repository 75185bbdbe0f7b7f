package gov.envgov.permit.monitoring;

import java.time.LocalDate;

import gov.envgov.support.events.PublishedEvent;

/**
 * An outlet's pollutant had its daily mean over the permitted concentration on {@code daysOver} of the
 * {@code windowDays} days from {@code windowFrom} to {@code windowTo}: the trigger for public supervision (B: 10 of
 * 30). Published once per series and window; a signal for enforcement.
 */
public record MonitoringSupervisionTriggered(String enterpriseCode, String outlet, String pollutant,
                                             LocalDate windowFrom, LocalDate windowTo, int daysOver, int windowDays,
                                             int threshold) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Enterprise";
    }

    @Override
    public String aggregateId() {
        return enterpriseCode;
    }
}
