package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A data anomaly of one outlet's pollutant: open until the data is normal again. */
public record DataAnomaly(UUID id, String enterpriseCode, String outlet, String pollutant, AnomalyKind kind,
                          Instant startedAt, Instant detectedAt, String detail, @Nullable Instant endedAt) {
}
