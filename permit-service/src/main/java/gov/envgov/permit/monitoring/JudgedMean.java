package gov.envgov.permit.monitoring;

import java.time.Instant;

/**
 * A closed period's mean of valid data of one series, judged against its limit once.
 *
 * @param periodStart the hour's or the day's beginning (bureau's local time)
 */
record JudgedMean(Reading.Series series, Averaging averaging, Instant periodStart, double mean, double permitted,
                  boolean exceeds) {

    /** The mean as a point for {@link EpisodeTracker}: episodes are runs of exceeding means. */
    CheckedReading asPoint() {
        return new CheckedReading(new Reading(0, series, periodStart, mean, null, null), permitted, exceeds, false,
                averaging);
    }
}
