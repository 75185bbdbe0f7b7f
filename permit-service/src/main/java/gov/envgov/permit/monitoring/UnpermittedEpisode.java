package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An episode of discharge without a valid permit at one outlet: readings no further apart than the configured gap.
 *
 * @param lastReading the latest reading of the episode
 * @param endedAt     set once a later reading came after a longer silence (it began a new episode)
 */
public record UnpermittedEpisode(UUID id, String enterpriseCode, String outlet, Instant startedAt,
                                 Instant lastReading, @Nullable Instant endedAt, int readings) {
}
