package gov.envgov.permit.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Decides what a batch of checked readings does to exceedance episodes: which open episodes it extends or ends, and
 * which episodes it starts, each new one with its {@link MonitoringExceedance} event. Readings are taken in time
 * order per series, whatever order they came in. Pure: no I/O; the caller loads the open episodes and stores the
 * result.
 * <p>
 * Exceeding readings sent late, from just before an open episode began and with nothing within the limit in
 * between, are that episode's beginning; other readings from before an open episode began form closed episodes of
 * their own. Exceeding readings further apart than the gap are separate episodes.
 */
final class EpisodeTracker {

    private final Duration gap;
    private final Supplier<UUID> ids;

    /**
     * @param gap exceeding readings further apart than this belong to separate episodes
     * @param ids the ids of new episodes
     */
    EpisodeTracker(Duration gap, Supplier<UUID> ids) {
        this.gap = gap;
        this.ids = ids;
    }

    /**
     * What a batch changes.
     *
     * @param started episodes the batch began (some of them ended by it already), in the order they began per series
     * @param changed open episodes the batch extended or ended
     * @param events  one event per started episode
     */
    record Changes(List<Episode> started, List<Episode> changed, List<MonitoringExceedance> events) {

        static final Changes NONE = new Changes(List.of(), List.of(), List.of());
    }

    /**
     * @param readings the batch's readings that were stored, checked against their limits
     * @param open     the open episodes of the batch's enterprises (one per series at most)
     */
    Changes track(List<CheckedReading> readings, List<Episode> open) {
        Map<Reading.Series, List<CheckedReading>> series = new LinkedHashMap<>();
        boolean anyExceeding = false;
        for (CheckedReading c : readings) {
            series.computeIfAbsent(c.reading().series(), key -> new ArrayList<>()).add(c);
            anyExceeding |= c.exceeds();
        }
        if (open.isEmpty() && !anyExceeding) {
            return Changes.NONE;
        }
        Map<Reading.Series, Tracked> current = new HashMap<>();
        open.forEach(episode -> current.put(episode.series(), Tracked.of(episode)));
        List<Tracked> touched = new ArrayList<>();
        for (var entry : series.entrySet()) {
            List<CheckedReading> points = new ArrayList<>(entry.getValue());
            points.sort(Comparator.comparing(c -> c.reading().measuredAt()));
            track(points, current.get(entry.getKey()), touched);
        }
        // Existing episodes first: ending one frees its series for a new open one (one open per series).
        List<Episode> changed = touched.stream().filter(e -> !e.isNew).map(Tracked::episode).toList();
        List<Tracked> started = touched.stream().filter(e -> e.isNew).toList();
        return new Changes(started.stream().map(Tracked::episode).toList(), changed,
                started.stream().map(Tracked::event).toList());
    }

    /** One series' readings, in time order, against its open episode if it has one. */
    private void track(List<CheckedReading> points, @Nullable Tracked open, List<Tracked> touched) {
        Tracked episode = open;
        int lateFrom = points.size();
        int lateTo = points.size();
        if (episode != null) {
            int last = -1;
            while (last + 1 < points.size()
                    && points.get(last + 1).reading().measuredAt().isBefore(episode.startedAt)) {
                last++;
            }
            int first = last;
            while (first >= 0 && points.get(first).exceeds()
                    && episode.precededBy(points.get(first).reading(), gap)) {
                episode.extendBack(points.get(first).reading());
                first--;
            }
            if (first < last) {
                touch(touched, episode);
            }
            lateFrom = first + 1;
            lateTo = last + 1;
        }
        Tracked earlier = null;
        for (int index = 0; index < points.size(); index++) {
            if (index >= lateFrom && index < lateTo) {
                continue;
            }
            CheckedReading point = points.get(index);
            Reading reading = point.reading();
            if (episode != null && reading.measuredAt().isBefore(episode.startedAt)) {
                if (point.exceeds()) {
                    if (earlier != null && earlier.continuesWith(reading, gap)) {
                        earlier.extend(reading);
                    } else {
                        if (earlier != null) {
                            earlier.end(earlier.lastExceeding);
                        }
                        earlier = Tracked.start(ids.get(), reading, point.permitted());
                        touched.add(earlier);
                    }
                } else if (earlier != null) {
                    earlier.end(reading.measuredAt());
                    earlier = null;
                }
                continue;
            }
            if (point.exceeds()) {
                if (episode != null && episode.continuesWith(reading, gap)) {
                    episode.extend(reading);
                } else {
                    if (episode != null && reading.measuredAt().isAfter(episode.lastExceeding)) {
                        episode.end(episode.lastExceeding);
                        touch(touched, episode);
                    }
                    episode = Tracked.start(ids.get(), reading, point.permitted());
                    touched.add(episode);
                }
                touch(touched, episode);
            } else if (episode != null && reading.measuredAt().isAfter(episode.lastExceeding)) {
                episode.end(reading.measuredAt());
                touch(touched, episode);
                episode = null;
            }
        }
        if (earlier != null && earlier.endedAt == null) {
            earlier.end(earlier.lastExceeding);
        }
    }

    private static void touch(List<Tracked> touched, Tracked episode) {
        if (!touched.contains(episode)) {
            touched.add(episode);
        }
    }

    /** An episode while a batch is applied to it; identity matters, so it is not a record. */
    private static final class Tracked {

        final UUID id;
        final String enterpriseCode;
        final String outlet;
        final String pollutant;
        final double permitted;
        final boolean isNew;
        final double firstConcentration;
        Instant startedAt;
        Instant lastExceeding;
        @Nullable Instant endedAt;
        double peak;
        int readings;

        private Tracked(UUID id, Reading.Series series, double permitted, Instant startedAt, Instant lastExceeding,
                        @Nullable Instant endedAt, double peak, int readings, boolean isNew,
                        double firstConcentration) {
            this.id = id;
            this.enterpriseCode = series.enterpriseCode();
            this.outlet = series.outlet();
            this.pollutant = series.pollutant();
            this.permitted = permitted;
            this.startedAt = startedAt;
            this.lastExceeding = lastExceeding;
            this.endedAt = endedAt;
            this.peak = peak;
            this.readings = readings;
            this.isNew = isNew;
            this.firstConcentration = firstConcentration;
        }

        static Tracked of(Episode e) {
            return new Tracked(e.id(), e.series(), e.permitted(), e.startedAt(), e.lastExceeding(), e.endedAt(),
                    e.peak(), e.readings(), false, Double.NaN);
        }

        static Tracked start(UUID id, Reading reading, double permitted) {
            return new Tracked(id, reading.series(), permitted, reading.measuredAt(), reading.measuredAt(), null,
                    reading.concentration(), 1, true, reading.concentration());
        }

        boolean continuesWith(Reading reading, Duration gap) {
            return !reading.measuredAt().isBefore(startedAt)
                    && Duration.between(lastExceeding, reading.measuredAt()).compareTo(gap) <= 0;
        }

        /** A reading sent late, from shortly before the episode began: the episode began with it. */
        boolean precededBy(Reading reading, Duration gap) {
            return reading.measuredAt().isBefore(startedAt)
                    && Duration.between(reading.measuredAt(), startedAt).compareTo(gap) <= 0;
        }

        void extendBack(Reading reading) {
            startedAt = reading.measuredAt();
            peak = Math.max(peak, reading.concentration());
            readings++;
        }

        void extend(Reading reading) {
            if (reading.measuredAt().isAfter(lastExceeding)) {
                lastExceeding = reading.measuredAt();
            }
            peak = Math.max(peak, reading.concentration());
            readings++;
        }

        void end(Instant at) {
            endedAt = at;
        }

        Episode episode() {
            return new Episode(id, enterpriseCode, outlet, pollutant, permitted, startedAt, lastExceeding, endedAt,
                    peak, readings);
        }

        MonitoringExceedance event() {
            return new MonitoringExceedance(id, enterpriseCode, outlet, pollutant, startedAt, firstConcentration,
                    permitted);
        }
    }
}
