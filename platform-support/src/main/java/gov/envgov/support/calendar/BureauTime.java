package gov.envgov.support.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Now, and today in the bureau's time zone ({@code envgov.calendar.zone}): due dates, tracking codes, report periods
 * and statistics are the bureau's local dates, whatever zone a server runs in. The one place that turns the
 * injected {@link Clock} into a local date.
 */
public final class BureauTime {

    private final Clock clock;
    private final ZoneId zone;

    public BureauTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The bureau's local date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
