package gov.envgov.permit.monitoring;

import java.time.Instant;

/**
 * One automatic measurement of an outlet's pollutant, as received, with its position in the batch. The timestamp's
 * text is kept as sent when it has the common shape (which PostgreSQL reads as it is), so storing it needs no
 * formatting.
 *
 * @param concentration in the permit's unit for the pollutant
 * @param flow          discharge flow at the instant, where the analyser reports it
 * @param flag          the analyser's data flag; only normal data counts in means and episodes
 */
public record Reading(int index, Series series, Instant measuredAt, double concentration, Double flow,
                      String timestampText, DataFlag flag) {

    public Reading(int index, Series series, Instant measuredAt, double concentration, Double flow,
                   String timestampText) {
        this(index, series, measuredAt, concentration, flow, timestampText, DataFlag.NORMAL);
    }

    /** One outlet's pollutant at one enterprise: readings of a batch share one instance per series. */
    public record Series(String enterpriseCode, String outlet, String pollutant) {
    }

    /** A series at an instant: what makes a reading a duplicate. */
    record Point(Series series, long epochMilli) {
    }

    public String enterpriseCode() {
        return series.enterpriseCode();
    }

    public String outlet() {
        return series.outlet();
    }

    public String pollutant() {
        return series.pollutant();
    }

    Point point() {
        return new Point(series, measuredAt.toEpochMilli());
    }
}
