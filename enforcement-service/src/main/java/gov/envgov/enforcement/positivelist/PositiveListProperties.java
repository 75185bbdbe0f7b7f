package gov.envgov.enforcement.positivelist;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import gov.envgov.enforcement.clue.ClueSource;

/**
 * The numbers and inputs of the positive list ({@code envgov.enforcement.positive-list}, DOMAIN.md § Enforcement;
 * (B): Liaoning's 正面清单 rules, a city may set its own).
 *
 * @param cleanYears no penalty, no incident and no missing report in this many years before the day
 * @param listedYears a unit is listed for this many years, then assessed again
 * @param incidentSources the clue sources that count as an incident (a substantiated complaint, an exceedance …)
 * @param reportSources the clue sources that count as a report not filed
 * @param monitoringClasses the management classes that must have automatic monitoring connected
 * @param monitoringItems the catalogue items whose passed check shows the monitoring connected
 * @param monitoringVerifiedYears that check is at most this many years old, and no later check failed
 * @param batchSize units read at a time by an evaluation
 */
@ConfigurationProperties("envgov.enforcement.positive-list")
public record PositiveListProperties(int cleanYears, int listedYears, List<ClueSource> incidentSources,
                                     List<ClueSource> reportSources, List<String> monitoringClasses,
                                     List<String> monitoringItems, int monitoringVerifiedYears, int batchSize) {

    public PositiveListProperties {
        incidentSources = incidentSources == null ? List.of() : List.copyOf(incidentSources);
        reportSources = reportSources == null ? List.of() : List.copyOf(reportSources);
        monitoringClasses = monitoringClasses == null ? List.of() : List.copyOf(monitoringClasses);
        monitoringItems = monitoringItems == null ? List.of() : List.copyOf(monitoringItems);
        if (cleanYears < 1 || listedYears < 1 || monitoringVerifiedYears < 1 || batchSize < 1) {
            throw new IllegalArgumentException("envgov.enforcement.positive-list: years and batch size are positive");
        }
    }
}
