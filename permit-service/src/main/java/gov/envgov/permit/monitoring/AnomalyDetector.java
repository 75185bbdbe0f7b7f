package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Decides what a batch does to data anomalies (PERMIT-DATA-ANOMALY): values above the analyser's range begin an
 * out-of-range anomaly and a value within it ends it; the configured run of one value among the latest valid
 * readings is a constant-values anomaly, ended by a different value; any new reading ends a silence (the silence
 * itself is found by the clock, {@link AnomalyService#detectSilence()}). Pure: the caller loads and stores.
 */
final class AnomalyDetector {

    private final AnomalyProperties properties;
    private final Supplier<UUID> ids;

    AnomalyDetector(AnomalyProperties properties, Supplier<UUID> ids) {
        this.properties = properties;
        this.ids = ids;
    }

    /**
     * @param started anomalies that began (some ended already), to insert in this order
     * @param ended   open anomalies that ended
     * @param events  one per started anomaly
     */
    record Changes(List<DataAnomaly> started, List<DataAnomaly> ended, List<MonitoringDataAnomaly> events) {
    }

    /** The latest valid readings of a series, newest first (at most the constant run). */
    record Tail(List<Instant> times, List<Double> values) {
    }

    private record Key(Reading.Series series, AnomalyKind kind) {
    }

    Changes detect(List<CheckedReading> batch, Map<Reading.Series, Tail> tails, List<DataAnomaly> open,
                   Instant now) {
        Map<Key, DataAnomaly> current = new HashMap<>();
        open.forEach(a -> current.put(new Key(new Reading.Series(a.enterpriseCode(), a.outlet(), a.pollutant()),
                a.kind()), a));
        Map<Reading.Series, List<Reading>> bySeries = new HashMap<>();
        for (CheckedReading c : batch) {
            if (!c.withoutPermit()) {
                bySeries.computeIfAbsent(c.reading().series(), k -> new ArrayList<>()).add(c.reading());
            }
        }
        List<DataAnomaly> started = new ArrayList<>();
        List<DataAnomaly> ended = new ArrayList<>();
        for (var entry : bySeries.entrySet()) {
            Reading.Series series = entry.getKey();
            List<Reading> readings = entry.getValue();
            readings.sort(Comparator.comparing(Reading::measuredAt));
            DataAnomaly silent = current.get(new Key(series, AnomalyKind.SILENT));
            if (silent != null) {
                readings.stream().filter(r -> r.measuredAt().isAfter(silent.startedAt())).findFirst()
                        .ifPresent(r -> ended.add(end(silent, r.measuredAt())));
            }
            outOfRange(series, readings, current.get(new Key(series, AnomalyKind.OUT_OF_RANGE)), now, started,
                    ended);
            constant(series, tails.get(series), current.get(new Key(series, AnomalyKind.CONSTANT)), now, started,
                    ended);
        }
        return new Changes(started, ended, started.stream().map(MonitoringDataAnomaly::of).toList());
    }

    private void outOfRange(Reading.Series series, List<Reading> readings, @Nullable DataAnomaly open, Instant now,
                            List<DataAnomaly> started, List<DataAnomaly> ended) {
        Double max = properties.analyserRanges().get(series.pollutant());
        if (max == null) {
            return;
        }
        DataAnomaly current = open;
        boolean isNew = false;
        for (Reading reading : readings) {
            boolean out = reading.concentration() > max;
            if (out && current == null) {
                current = new DataAnomaly(ids.get(), series.enterpriseCode(), series.outlet(), series.pollutant(),
                        AnomalyKind.OUT_OF_RANGE, reading.measuredAt(), now, "value " + reading.concentration()
                        + " above the analyser's range (" + max + ")", null);
                isNew = true;
            } else if (!out && current != null && reading.measuredAt().isAfter(current.startedAt())) {
                DataAnomaly closed = end(current, reading.measuredAt());
                (isNew ? started : ended).add(closed);
                current = null;
                isNew = false;
            }
        }
        if (current != null && isNew) {
            started.add(current);
        }
    }

    private void constant(Reading.Series series, @Nullable Tail tail, @Nullable DataAnomaly open, Instant now,
                          List<DataAnomaly> started, List<DataAnomaly> ended) {
        if (tail == null || tail.values().isEmpty()) {
            return;
        }
        int run = properties.constantRun();
        double latest = tail.values().get(0);
        boolean constant = tail.values().size() >= run
                && tail.values().stream().limit(run).allMatch(v -> Double.compare(v, latest) == 0);
        if (constant && open == null) {
            started.add(new DataAnomaly(ids.get(), series.enterpriseCode(), series.outlet(), series.pollutant(),
                    AnomalyKind.CONSTANT, tail.times().get(run - 1), now, "value " + latest + " over " + run
                    + " consecutive readings", null));
        } else if (!constant && open != null && tail.times().get(0).isAfter(open.startedAt())) {
            ended.add(end(open, tail.times().get(0)));
        }
    }

    private static DataAnomaly end(DataAnomaly anomaly, Instant at) {
        return new DataAnomaly(anomaly.id(), anomaly.enterpriseCode(), anomaly.outlet(), anomaly.pollutant(),
                anomaly.kind(), anomaly.startedAt(), anomaly.detectedAt(), anomaly.detail(), at);
    }
}
