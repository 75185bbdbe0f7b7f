package gov.envgov.permit.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Decides what a batch's readings without a valid permit do to the episodes of discharge without a permit
 * (PERMIT-DISCHARGE-WITHOUT-PERMIT): per outlet, readings no further apart than the gap are one episode. A reading
 * close to the open episode extends it (also backwards, when sent late); one after a longer silence ends it and
 * begins a new one; late readings long before it form closed episodes of their own. Every new episode has one
 * {@link DischargeWithoutPermit} event. Pure: the caller loads the open episodes and stores the result.
 */
final class UnpermittedTracker {

    private final Duration gap;
    private final Supplier<UUID> ids;
    private final Function<Instant, LocalDate> dayOf;

    UnpermittedTracker(Duration gap, Supplier<UUID> ids, Function<Instant, LocalDate> dayOf) {
        this.gap = gap;
        this.ids = ids;
        this.dayOf = dayOf;
    }

    /** Episodes begun (with their events) and open episodes changed. */
    record Changes(List<UnpermittedEpisode> started, List<UnpermittedEpisode> changed,
                   List<DischargeWithoutPermit> events) {
    }

    private record Outlet(String enterpriseCode, String outlet) {
    }

    Changes track(List<CheckedReading> readings, List<UnpermittedEpisode> open) {
        Map<Outlet, List<Instant>> byOutlet = new LinkedHashMap<>();
        for (CheckedReading c : readings) {
            if (c.withoutPermit()) {
                Reading r = c.reading();
                byOutlet.computeIfAbsent(new Outlet(r.enterpriseCode(), r.outlet()), k -> new ArrayList<>())
                        .add(r.measuredAt());
            }
        }
        Map<Outlet, UnpermittedEpisode> current = new HashMap<>();
        open.forEach(e -> current.put(new Outlet(e.enterpriseCode(), e.outlet()), e));
        List<UnpermittedEpisode> started = new ArrayList<>();
        List<UnpermittedEpisode> changed = new ArrayList<>();
        for (var entry : byOutlet.entrySet()) {
            List<Instant> times = entry.getValue();
            times.sort(Comparator.naturalOrder());
            track(entry.getKey(), times, current.get(entry.getKey()), started, changed);
        }
        List<DischargeWithoutPermit> events = started.stream().map(e -> new DischargeWithoutPermit(e.id(),
                e.enterpriseCode(), e.outlet(), dayOf.apply(e.startedAt()), e.startedAt())).toList();
        return new Changes(started, changed, events);
    }

    /** One outlet's readings in time order, chained by the gap, the open episode taken as one block. */
    private void track(Outlet outlet, List<Instant> times, @Nullable UnpermittedEpisode open,
                       List<UnpermittedEpisode> started, List<UnpermittedEpisode> changed) {
        // Chains of readings: [first, last, count, isOpen]
        List<Chain> chains = new ArrayList<>();
        boolean openPlaced = open == null;
        for (Instant t : times) {
            if (!openPlaced && !t.isBefore(open.startedAt())) {
                place(chains, Chain.of(open));
                openPlaced = true;
            }
            place(chains, new Chain(t, t, 1, false));
        }
        if (!openPlaced) {
            place(chains, Chain.of(open));
        }
        int openIndex = -1;
        for (int i = 0; i < chains.size(); i++) {
            if (chains.get(i).holdsOpen) {
                openIndex = i;
            }
        }
        int last = chains.size() - 1;
        for (int i = 0; i < chains.size(); i++) {
            Chain chain = chains.get(i);
            Instant ended = i == last ? null : chain.last;
            if (chain.holdsOpen) {
                UnpermittedEpisode next = new UnpermittedEpisode(open.id(), outlet.enterpriseCode(), outlet.outlet(),
                        chain.first, chain.last, ended, open.readings() + chain.count - 1);
                if (!next.equals(open)) {
                    changed.add(next);
                }
            } else {
                // A new episode: closed unless it is the latest (after the open one, if any).
                boolean latest = i == last && i > openIndex;
                started.add(new UnpermittedEpisode(ids.get(), outlet.enterpriseCode(), outlet.outlet(),
                        chain.first, chain.last, latest ? null : chain.last, chain.count));
            }
        }
    }

    /** Appends a chain, merged into the previous one when within the gap of its last reading. */
    private void place(List<Chain> chains, Chain next) {
        if (!chains.isEmpty()) {
            Chain previous = chains.get(chains.size() - 1);
            if (Duration.between(previous.last, next.first).compareTo(gap) <= 0) {
                Instant last = next.last.isAfter(previous.last) ? next.last : previous.last;
                chains.set(chains.size() - 1, new Chain(previous.first, last, previous.count + next.count,
                        previous.holdsOpen || next.holdsOpen));
                return;
            }
        }
        chains.add(next);
    }

    /** Readings chained together; {@code count} counts the open episode's readings as one. */
    private record Chain(Instant first, Instant last, int count, boolean holdsOpen) {

        static Chain of(UnpermittedEpisode open) {
            return new Chain(open.startedAt(), open.lastReading(), 1, true);
        }
    }
}
