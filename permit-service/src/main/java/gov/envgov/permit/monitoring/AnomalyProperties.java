package gov.envgov.permit.monitoring;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Data anomaly settings (PERMIT-DATA-ANOMALY).
 *
 * @param silentAfter    an outlet's pollutant with no data for longer than this is silent
 * @param constantRun    this many consecutive valid readings of one value are constant values
 * @param analyserRanges the upper end of the analyser's range by pollutant; a value above it is out of range
 */
@ConfigurationProperties("envgov.permit.monitoring.anomalies")
public record AnomalyProperties(Duration silentAfter, int constantRun, Map<String, Double> analyserRanges) {

    public AnomalyProperties {
        analyserRanges = analyserRanges == null ? Map.of() : Map.copyOf(analyserRanges);
        if (silentAfter == null || silentAfter.isNegative() || silentAfter.isZero()) {
            throw new IllegalArgumentException("envgov.permit.monitoring.anomalies.silent-after must be positive");
        }
        if (constantRun < 2) {
            throw new IllegalArgumentException("envgov.permit.monitoring.anomalies.constant-run must be at least 2");
        }
    }
}
