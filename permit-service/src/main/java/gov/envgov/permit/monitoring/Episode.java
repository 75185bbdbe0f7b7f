package gov.envgov.permit.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An exceedance episode: consecutive readings of one outlet's pollutant above the permitted concentration. A reading
 * within the limit ends it; so does a gap longer than the configured one between exceeding readings. Mutable while
 * a batch is applied, then stored.
 */
final class Episode {

    final UUID id;
    final String enterpriseCode;
    final String outlet;
    final String pollutant;
    final double permitted;
    Instant startedAt;
    final boolean isNew;
    Instant lastExceeding;
    Instant endedAt;
    double peak;
    int readings;
    double firstConcentration;

    Episode(UUID id, String enterpriseCode, String outlet, String pollutant, double permitted, Instant startedAt,
            Instant lastExceeding, Instant endedAt, double peak, int readings, boolean isNew) {
        this.id = id;
        this.enterpriseCode = enterpriseCode;
        this.outlet = outlet;
        this.pollutant = pollutant;
        this.permitted = permitted;
        this.startedAt = startedAt;
        this.lastExceeding = lastExceeding;
        this.endedAt = endedAt;
        this.peak = peak;
        this.readings = readings;
        this.isNew = isNew;
    }

    static Episode start(Reading reading, double permitted) {
        Episode episode = new Episode(UUID.randomUUID(), reading.enterpriseCode(), reading.outlet(),
                reading.pollutant(), permitted, reading.measuredAt(), reading.measuredAt(), null,
                reading.concentration(), 1, true);
        episode.firstConcentration = reading.concentration();
        return episode;
    }

    boolean continuesWith(Reading reading, Duration gap) {
        return !reading.measuredAt().isBefore(startedAt)
                && Duration.between(lastExceeding, reading.measuredAt()).compareTo(gap) <= 0;
    }

    /** A reading sent late, from shortly before the episode began: the episode began with it. */
    boolean precededBy(Reading reading, Duration gap) {
        return reading.measuredAt().isBefore(startedAt)
                && Duration.between(reading.measuredAt(), startedAt).compareTo(gap) <= 0;
    }

    void extendBack(Reading reading) {
        startedAt = reading.measuredAt();
        peak = Math.max(peak, reading.concentration());
        readings++;
    }

    void extend(Reading reading) {
        if (reading.measuredAt().isAfter(lastExceeding)) {
            lastExceeding = reading.measuredAt();
        }
        peak = Math.max(peak, reading.concentration());
        readings++;
    }

    void end(Instant at) {
        endedAt = at;
    }
}
