package gov.envgov.permit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * What a batch of readings does to exceedance episodes: SO2 at DA001 is permitted 50 mg/m3, and exceeding readings
 * more than two hours apart are separate episodes. Times are 10 March 2026, UTC.
 */
class EpisodeTrackerTest {

    private static final String CODE = "91211103MA0GA0001Y";
    private static final Reading.Series SO2 = new Reading.Series(CODE, "DA001", "二氧化硫");
    private static final Reading.Series COD = new Reading.Series(CODE, "DW001", "化学需氧量");
    private static final double PERMITTED = 50;

    private final AtomicLong sequence = new AtomicLong();
    private final EpisodeTracker tracker = new EpisodeTracker(Duration.ofHours(2),
            () -> id(sequence.incrementAndGet()));

    private static UUID id(long n) {
        return new UUID(0, n);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-10T" + time + ":00Z");
    }

    private static CheckedReading reading(Reading.Series series, String time, double concentration) {
        return new CheckedReading(new Reading(0, series, at(time), concentration, null, null), PERMITTED,
                concentration > PERMITTED);
    }

    private static CheckedReading so2(String time, double concentration) {
        return reading(SO2, time, concentration);
    }

    private static Episode episode(long id, Reading.Series series, String started, String last, String ended,
                                   double peak, int readings) {
        return new Episode(id(id), series.enterpriseCode(), series.outlet(), series.pollutant(), PERMITTED,
                at(started), at(last), ended == null ? null : at(ended), peak, readings);
    }

    private static MonitoringExceedance event(long id, String started, double concentration) {
        return new MonitoringExceedance(id(id), CODE, "DA001", "二氧化硫", at(started), concentration, PERMITTED);
    }

    @Test
    void aRunOfExceedingReadingsOpensOneEpisodeWithOneEvent() {
        var changes = tracker.track(List.of(so2("00:10", 60), so2("00:20", 70), so2("00:30", 55)), List.of());
        assertThat(changes.started()).containsExactly(episode(1, SO2, "00:10", "00:30", null, 70, 3));
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.events()).containsExactly(event(1, "00:10", 60));
    }

    @Test
    void aReadingWithinTheLimitEndsTheEpisodeAndTheNextExceedanceStartsAnother() {
        var changes = tracker.track(List.of(so2("00:00", 30), so2("00:10", 60), so2("00:20", 70.5),
                so2("00:30", 40), so2("00:40", 55)), List.of());
        assertThat(changes.started()).containsExactly(
                episode(1, SO2, "00:10", "00:20", "00:30", 70.5, 2),
                episode(2, SO2, "00:40", "00:40", null, 55, 1));
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.events()).containsExactly(event(1, "00:10", 60), event(2, "00:40", 55));
    }

    @Test
    void aLaterBatchExtendsTheOpenEpisodeWithoutAnEventAndAReadingWithinTheLimitEndsIt() {
        Episode open = episode(7, SO2, "00:40", "00:40", null, 55, 1);
        var changes = tracker.track(List.of(so2("00:50", 58), so2("01:00", 20)), List.of(open));
        assertThat(changes.changed()).containsExactly(episode(7, SO2, "00:40", "00:50", "01:00", 58, 2));
        assertThat(changes.started()).isEmpty();
        assertThat(changes.events()).isEmpty();
    }

    @Test
    void readingsAreTakenInTimeOrderWhateverOrderTheyCameIn() {
        var changes = tracker.track(List.of(so2("00:40", 55), so2("00:20", 70.5), so2("00:00", 30),
                so2("00:30", 40), so2("00:10", 60)), List.of());
        assertThat(changes.started()).containsExactly(
                episode(1, SO2, "00:10", "00:20", "00:30", 70.5, 2),
                episode(2, SO2, "00:40", "00:40", null, 55, 1));
        assertThat(changes.events()).containsExactly(event(1, "00:10", 60), event(2, "00:40", 55));
    }

    @Test
    void exceedingReadingsFurtherApartThanTheGapAreSeparateEpisodes() {
        var changes = tracker.track(List.of(so2("00:00", 60), so2("02:00", 61), so2("04:01", 62)), List.of());
        assertThat(changes.started()).containsExactly(
                episode(1, SO2, "00:00", "02:00", "02:00", 61, 2),
                episode(2, SO2, "04:01", "04:01", null, 62, 1));
        assertThat(changes.events()).containsExactly(event(1, "00:00", 60), event(2, "04:01", 62));
    }

    @Test
    void anOpenEpisodeWhoseNextExceedanceComesTooLateEndsAtItsLastExceedingReading() {
        Episode open = episode(7, SO2, "00:00", "00:30", null, 60, 2);
        var changes = tracker.track(List.of(so2("03:00", 70)), List.of(open));
        assertThat(changes.changed()).containsExactly(episode(7, SO2, "00:00", "00:30", "00:30", 60, 2));
        assertThat(changes.started()).containsExactly(episode(1, SO2, "03:00", "03:00", null, 70, 1));
        assertThat(changes.events()).containsExactly(event(1, "03:00", 70));
    }

    @Test
    void anExceedingReadingSentLateFromJustBeforeTheOpenEpisodeIsItsBeginning() {
        Episode open = episode(7, SO2, "01:00", "01:10", null, 81, 2);
        var changes = tracker.track(List.of(so2("00:50", 90)), List.of(open));
        assertThat(changes.changed()).containsExactly(episode(7, SO2, "00:50", "01:10", null, 90, 3));
        assertThat(changes.started()).isEmpty();
        assertThat(changes.events()).isEmpty();
    }

    @Test
    void readingsSentLateFromBeforeTheOpenEpisodeFormAClosedEpisodeOfTheirOwn() {
        Episode open = episode(7, SO2, "01:00", "01:10", null, 81, 2);
        var changes = tracker.track(List.of(so2("00:20", 70), so2("00:30", 71), so2("00:40", 20)), List.of(open));
        assertThat(changes.started()).containsExactly(episode(1, SO2, "00:20", "00:30", "00:40", 71, 2));
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.events()).containsExactly(event(1, "00:20", 70));
    }

    @Test
    void aReadingWithinTheLimitBetweenLateReadingsAndTheOpenEpisodeKeepsThemApart() {
        Episode open = episode(7, SO2, "01:00", "01:10", null, 81, 2);
        var changes = tracker.track(List.of(so2("00:40", 80), so2("00:50", 20)), List.of(open));
        assertThat(changes.started()).containsExactly(episode(1, SO2, "00:40", "00:40", "00:50", 80, 1));
        assertThat(changes.changed()).isEmpty();
    }

    @Test
    void lateExceedingReadingsTooLongBeforeTheOpenEpisodeEndAtTheirLastExceedingReading() {
        Episode open = episode(7, SO2, "03:00", "03:10", null, 81, 2);
        var changes = tracker.track(List.of(so2("00:10", 80), so2("00:20", 82)), List.of(open));
        assertThat(changes.started()).containsExactly(episode(1, SO2, "00:10", "00:20", "00:20", 82, 2));
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.events()).containsExactly(event(1, "00:10", 80));
    }

    @Test
    void lateReadingsJustBeforeTheOpenEpisodeExtendItAndEarlierOnesStandApart() {
        Episode open = episode(7, SO2, "01:00", "01:10", null, 81, 2);
        var changes = tracker.track(List.of(so2("00:10", 70), so2("00:20", 10), so2("00:40", 85),
                so2("00:50", 90)), List.of(open));
        assertThat(changes.changed()).containsExactly(episode(7, SO2, "00:40", "01:10", null, 90, 4));
        assertThat(changes.started()).containsExactly(episode(1, SO2, "00:10", "00:10", "00:20", 70, 1));
        assertThat(changes.events()).containsExactly(event(1, "00:10", 70));
    }

    @Test
    void readingsWithinAnOpenEpisodesSpanJoinItOrChangeNothing() {
        Episode open = episode(7, SO2, "00:10", "00:30", null, 60, 2);
        var exceeding = tracker.track(List.of(so2("00:20", 80)), List.of(open));
        assertThat(exceeding.changed()).containsExactly(episode(7, SO2, "00:10", "00:30", null, 80, 3));
        var compliant = tracker.track(List.of(so2("00:20", 40)), List.of(open));
        assertThat(compliant.changed()).isEmpty();
        assertThat(compliant.started()).isEmpty();
        assertThat(compliant.events()).isEmpty();
    }

    @Test
    void readingsWithinTheLimitAndNoOpenEpisodeChangeNothing() {
        var changes = tracker.track(List.of(so2("00:00", 30), so2("00:10", 40)), List.of());
        assertThat(changes).isEqualTo(EpisodeTracker.Changes.NONE);
        assertThat(sequence.get()).isZero();
    }

    @Test
    void eachSeriesIsTrackedApart() {
        Episode openCod = episode(7, COD, "00:00", "00:00", null, 60, 1);
        List<CheckedReading> batch = new ArrayList<>(List.of(so2("00:10", 60), reading(COD, "00:10", 20)));
        var changes = tracker.track(batch, List.of(openCod));
        assertThat(changes.changed()).containsExactly(episode(7, COD, "00:00", "00:00", "00:10", 60, 1));
        assertThat(changes.started()).containsExactly(episode(1, SO2, "00:10", "00:10", null, 60, 1));
        assertThat(changes.events()).containsExactly(event(1, "00:10", 60));
    }
}
