package gov.envgov.permit.monitoring;

import java.time.Instant;

/**
 * One automatic measurement of an outlet's pollutant, as received, with its position in the batch.
 *
 * @param concentration in the permit's unit for the pollutant
 * @param flow          discharge flow at the instant, where the analyser reports it
 */
public record Reading(int index, String enterpriseCode, String outlet, String pollutant, Instant measuredAt,
                      double concentration, Double flow) {

    String seriesKey() {
        return enterpriseCode + '\u0000' + outlet + '\u0000' + pollutant;
    }
}
