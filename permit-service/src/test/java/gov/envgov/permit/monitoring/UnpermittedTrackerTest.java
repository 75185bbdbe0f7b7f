package gov.envgov.permit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * PERMIT-DISCHARGE-WITHOUT-PERMIT: readings of a unit without a valid permit form episodes per outlet (gap 6 hours
 * here), each published once. Times are UTC; the bureau's day is Beijing's.
 */
class UnpermittedTrackerTest {

    private static final String CODE = "91211103MA0GA0001Y";
    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

    private final AtomicLong sequence = new AtomicLong();
    private final UnpermittedTracker tracker = new UnpermittedTracker(Duration.ofHours(6),
            () -> new UUID(0, sequence.incrementAndGet()), at -> LocalDate.ofInstant(at, BUREAU));

    private static Instant at(String dayTime) {
        return Instant.parse("2026-03-" + dayTime + ":00Z");
    }

    private static CheckedReading without(String outlet, String pollutant, String dayTime) {
        return CheckedReading.withoutPermit(new Reading(0, new Reading.Series(CODE, outlet, pollutant),
                at(dayTime), 10, null, null));
    }

    private static UnpermittedEpisode episode(long id, String outlet, String started, String last, String ended,
                                              int readings) {
        return new UnpermittedEpisode(new UUID(0, id), CODE, outlet, at(started), at(last),
                ended == null ? null : at(ended), readings);
    }

    @Test
    void permitDischargeWithoutPermitIsOneEpisodePerOutletWithOneEvent() {
        var changes = tracker.track(List.of(without("DA001", "二氧化硫", "10T00:00"),
                without("DA001", "氮氧化物", "10T00:00"), without("DA001", "二氧化硫", "10T05:00"),
                without("DW001", "化学需氧量", "10T01:00"),
                new CheckedReading(new Reading(0, new Reading.Series(CODE, "DA002", "二氧化硫"), at("10T01:00"), 5,
                        null, null), 50, false)), List.of());
        assertThat(changes.started()).containsExactly(episode(1, "DA001", "10T00:00", "10T05:00", null, 3),
                episode(2, "DW001", "10T01:00", "10T01:00", null, 1));
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.events()).containsExactly(
                new DischargeWithoutPermit(new UUID(0, 1), CODE, "DA001", LocalDate.of(2026, 3, 10),
                        at("10T00:00")),
                new DischargeWithoutPermit(new UUID(0, 2), CODE, "DW001", LocalDate.of(2026, 3, 10),
                        at("10T01:00")));
    }

    @Test
    void permitDischargeWithoutPermitContinuesWithinTheGapAndBeginsAgainAfterIt() {
        UnpermittedEpisode open = episode(7, "DA001", "10T00:00", "10T05:00", null, 3);
        var changes = tracker.track(List.of(without("DA001", "二氧化硫", "10T09:00"),
                without("DA001", "二氧化硫", "10T20:00"), without("DA001", "二氧化硫", "09T21:00")), List.of(open));
        // 09T21:00 is within 6 hours before the start (sent late): the episode began then. 10T20:00 is 11 hours
        // after 10T09:00: a new episode, and the old one ends.
        assertThat(changes.changed()).containsExactly(episode(7, "DA001", "09T21:00", "10T09:00", "10T09:00", 5));
        assertThat(changes.started()).containsExactly(episode(1, "DA001", "10T20:00", "10T20:00", null, 1));
        assertThat(changes.events()).singleElement().satisfies(event -> {
            assertThat(event.detectedOn()).isEqualTo(LocalDate.of(2026, 3, 11));
            assertThat(event.startedAt()).isEqualTo(at("10T20:00"));
        });
    }

    @Test
    void permitDischargeWithoutPermitSentLongAfterFormsAClosedEpisodeOfItsOwn() {
        UnpermittedEpisode open = episode(7, "DA001", "10T12:00", "10T13:00", null, 2);
        var changes = tracker.track(List.of(without("DA001", "二氧化硫", "09T00:00")), List.of(open));
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.started()).containsExactly(episode(1, "DA001", "09T00:00", "09T00:00", "09T00:00", 1));
        assertThat(changes.events()).hasSize(1);
    }
}
