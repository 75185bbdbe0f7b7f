package gov.envgov.permit.monitoring;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Online-monitoring ingestion settings.
 *
 * @param futureTolerance how far ahead of the server's clock a timestamp may be (analyser clocks drift)
 * @param episodeGap      exceeding readings further apart than this are separate episodes
 * @param maxBatchSize    the largest request body accepted
 * @param systems         service accounts of monitoring systems allowed to send readings for any enterprise
 * @param maxHourlyMeanDays the longest range of days one request for hourly means may cover (daily means have no
 *                          such limit); a longer one is refused, not cut short
 */
@ConfigurationProperties("envgov.permit.monitoring")
public record MonitoringProperties(Duration futureTolerance, Duration episodeGap, DataSize maxBatchSize,
                                   List<String> systems, int maxHourlyMeanDays) {

    public MonitoringProperties {
        if (maxHourlyMeanDays < 1) {
            throw new IllegalArgumentException("envgov.permit.monitoring.max-hourly-mean-days must be at least 1");
        }
    }
}
