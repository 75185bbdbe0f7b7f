package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An exceedance episode: consecutive readings of one outlet's pollutant above the permitted concentration. A reading
 * within the limit ends it; so does a gap longer than the configured one between exceeding readings
 * ({@link EpisodeTracker} decides).
 *
 * @param startedAt     the first exceeding reading
 * @param lastExceeding the last exceeding reading so far
 * @param endedAt       the reading within the limit that ended it, or its last exceeding reading when the next one
 *                      came too late; null while open
 * @param readings      how many exceeding readings it holds
 */
public record Episode(UUID id, String enterpriseCode, String outlet, String pollutant, double permitted,
                      Instant startedAt, Instant lastExceeding, @Nullable Instant endedAt, double peak,
                      int readings) {

    public Reading.Series series() {
        return new Reading.Series(enterpriseCode, outlet, pollutant);
    }
}
