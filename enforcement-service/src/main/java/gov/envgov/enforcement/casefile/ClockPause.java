package gov.envgov.enforcement.casefile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One pause of the decision clock: from the day it started to the day it ended (open while {@code endedOn} is null).
 * The paused days are the calendar days between the two, like the decision period itself.
 */
public record ClockPause(PauseReason reason, LocalDate startedOn, LocalDate endedOn) {

    public boolean isOpen() {
        return endedOn == null;
    }

    public long days() {
        return endedOn == null ? 0 : ChronoUnit.DAYS.between(startedOn, endedOn);
    }
}
