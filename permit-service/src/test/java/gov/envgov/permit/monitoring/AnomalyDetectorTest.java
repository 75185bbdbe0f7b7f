package gov.envgov.permit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** PERMIT-DATA-ANOMALY: SO2's analyser reads up to 1000; three equal readings are constant values. */
class AnomalyDetectorTest {

    private static final String CODE = "91211103MA0GA0001Y";
    private static final Reading.Series SO2 = new Reading.Series(CODE, "DA001", "二氧化硫");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final AtomicLong sequence = new AtomicLong();
    private final AnomalyDetector detector = new AnomalyDetector(new AnomalyProperties(Duration.ofHours(4), 3,
            Map.of("二氧化硫", 1000.0)), () -> new UUID(0, sequence.incrementAndGet()));

    private static Instant at(String time) {
        return Instant.parse("2026-03-10T" + time + ":00Z");
    }

    private static CheckedReading so2(String time, double value) {
        return new CheckedReading(new Reading(0, SO2, at(time), value, null, null), 50, value > 50);
    }

    private static AnomalyDetector.Tail tail(String... timesAndValues) {
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < timesAndValues.length; i += 2) {
            times.add(at(timesAndValues[i]));
            values.add(Double.valueOf(timesAndValues[i + 1]));
        }
        return new AnomalyDetector.Tail(times, values);
    }

    @Test
    void permitDataAnomalyOutOfRangeBeginsAboveTheRangeAndEndsWithinIt() {
        var changes = detector.detect(List.of(so2("00:10", 20), so2("00:00", 1200), so2("00:20", 1300)),
                Map.of(SO2, tail("00:20", "1300", "00:10", "20", "00:00", "1200")), List.of(), NOW);
        // 00:00 out, 00:10 back within (closed), 00:20 out again (open).
        assertThat(changes.started()).extracting(DataAnomaly::kind, DataAnomaly::startedAt, DataAnomaly::endedAt)
                .containsExactly(Tuple.tuple(AnomalyKind.OUT_OF_RANGE, at("00:00"), at("00:10")),
                        Tuple.tuple(AnomalyKind.OUT_OF_RANGE, at("00:20"), null));
        assertThat(changes.events()).hasSize(2);
        assertThat(changes.ended()).isEmpty();
    }

    @Test
    void permitDataAnomalyConstantValuesOverTheRunAndSilenceEndedByData() {
        DataAnomaly silent = new DataAnomaly(new UUID(1, 1), CODE, "DA001", "二氧化硫", AnomalyKind.SILENT,
                at("01:00"), at("06:00"), "no data", null);
        var changes = detector.detect(List.of(so2("07:00", 30), so2("07:10", 30)),
                Map.of(SO2, tail("07:10", "30", "07:00", "30", "01:00", "30")), List.of(silent), NOW);
        assertThat(changes.ended()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.SILENT);
            assertThat(a.endedAt()).isEqualTo(at("07:00"));
        });
        assertThat(changes.started()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.CONSTANT);
            assertThat(a.startedAt()).isEqualTo(at("01:00"));
            assertThat(a.endedAt()).isNull();
        });
        // Two equal readings are not a run of three; a different value ends an open run.
        assertThat(detector.detect(List.of(so2("07:00", 30)), Map.of(SO2, tail("07:00", "30", "06:00", "30")),
                List.of(), NOW).started()).isEmpty();
        DataAnomaly constant = changes.started().get(0);
        assertThat(detector.detect(List.of(so2("07:20", 31)),
                Map.of(SO2, tail("07:20", "31", "07:10", "30", "07:00", "30")), List.of(constant), NOW).ended())
                .singleElement().satisfies(a -> assertThat(a.endedAt()).isEqualTo(at("07:20")));
    }
}
