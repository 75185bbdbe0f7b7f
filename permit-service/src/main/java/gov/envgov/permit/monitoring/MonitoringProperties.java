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
 */
@ConfigurationProperties("envgov.permit.monitoring")
public record MonitoringProperties(Duration futureTolerance, Duration episodeGap, DataSize maxBatchSize,
                                   List<String> systems) {
}
