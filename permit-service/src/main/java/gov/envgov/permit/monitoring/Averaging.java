package gov.envgov.permit.monitoring;

import java.time.Duration;

/** The period a limit is judged on: hourly means (waste gas) or daily means (waste water), as its standard says. */
public enum Averaging {
    HOUR("hour", Duration.ofHours(1)), DAY("day", Duration.ofDays(1));

    private final String unit;
    private final Duration length;

    Averaging(String unit, Duration length) {
        this.unit = unit;
        this.length = length;
    }

    /** The {@code date_trunc} unit. */
    String unit() {
        return unit;
    }

    Duration length() {
        return length;
    }
}
