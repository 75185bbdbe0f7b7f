package gov.envgov.permit.monitoring;

/**
 * A reading checked against the concentration its permit allows, with the averaging its limit is judged on; or,
 * from a unit that holds no valid permit on the reading's day, marked {@code withoutPermit} (no permitted
 * concentration: {@code NaN}) and kept as evidence.
 */
record CheckedReading(Reading reading, double permitted, boolean exceeds, boolean withoutPermit,
                      Averaging averaging) {

    CheckedReading(Reading reading, double permitted, boolean exceeds) {
        this(reading, permitted, exceeds, false, Averaging.HOUR);
    }

    static CheckedReading withoutPermit(Reading reading) {
        return new CheckedReading(reading, Double.NaN, false, true, Averaging.HOUR);
    }

    /** Normal data of a permitted series: what means and episodes are made of. */
    boolean isValid() {
        return !withoutPermit && reading.flag().isValid();
    }
}
