package gov.envgov.permit.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.monitoring.MonitoringRepository.Checked;
import gov.envgov.permit.monitoring.MonitoringRepository.Limit;
import gov.envgov.permit.monitoring.MonitoringRepository.Span;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online-monitoring ingestion: every reading is checked (sender, permit, outlet, pollutant, time, duplicates) and
 * against its permitted concentration as it is stored; exceedances become episodes, each with one event. A batch is
 * one transaction: readings, episodes and events are stored together or not at all.
 */
@Service
public class MonitoringService {

    private final MonitoringRepository readings;
    private final MonitoringProperties properties;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    MonitoringService(MonitoringRepository readings, MonitoringProperties properties, Outbox outbox,
                      TransactionalOperator transactions, JsonMapper json, Clock clock, ZoneId zone) {
        this.readings = readings;
        this.properties = properties;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    public Mono<IngestResult> ingest(byte[] body, CurrentUser sender) {
        boolean system = sender.hasRole(Roles.SERVICE) && properties.systems().contains(sender.username());
        if (!system && !sender.hasRole(Roles.ENTERPRISE)) {
            return Mono.error(new DomainException.Forbidden(
                    "readings come from the enterprise itself or from a registered monitoring system"));
        }
        ReadingBatchParser.Parsed parsed = ReadingBatchParser.parse(json, body);
        Instant now = clock.instant();
        List<Rejection> rejected = new ArrayList<>(parsed.rejections());
        List<Reading> candidates = new ArrayList<>(parsed.readings().size());
        Set<Reading.Point> seen = new HashSet<>(parsed.readings().size() * 4 / 3 + 16);
        Instant latest = now.plus(properties.futureTolerance());
        for (Reading reading : parsed.readings()) {
            if (!system && !sender.actsFor(reading.enterpriseCode())) {
                rejected.add(new Rejection(reading.index(), "not-your-enterprise",
                        "an enterprise sends readings only for itself"));
            } else if (reading.measuredAt().isAfter(latest)) {
                rejected.add(new Rejection(reading.index(), "future-timestamp",
                        "measured at " + reading.measuredAt() + ", which is in the future"));
            } else if (!seen.add(reading.point())) {
                rejected.add(new Rejection(reading.index(), "duplicate",
                        "the batch has this outlet, pollutant and instant twice"));
            } else {
                candidates.add(reading);
            }
        }
        Set<String> enterprises = new HashSet<>();
        candidates.forEach(reading -> enterprises.add(reading.enterpriseCode()));
        String source = (system ? "system:" : "enterprise:") + sender.username();
        return transactions.transactional(readings.lockEnterprises(enterprises)
                        .then(readings.limits(enterprises))
                        .flatMap(limits -> {
                            List<Checked> checked = check(candidates, limits, rejected);
                            return readings.existing(spans(checked)).flatMap(existing -> {
                                List<Checked> fresh = new ArrayList<>(checked.size());
                                for (Checked c : checked) {
                                    Reading r = c.reading();
                                    if (existing.contains(r.point())) {
                                        rejected.add(new Rejection(r.index(), "duplicate",
                                                "a reading for this outlet, pollutant and instant is stored already"));
                                    } else {
                                        fresh.add(c);
                                    }
                                }
                                return readings.copy(fresh, source, now)
                                        .then(episodes(fresh, enterprises))
                                        .map(newEpisodes -> new IngestResult(parsed.received(), fresh.size(),
                                                newEpisodes, sorted(rejected)));
                            });
                        }));
    }

    private List<Checked> check(List<Reading> candidates, Map<String, List<Limit>> limits,
                                List<Rejection> rejected) {
        List<Checked> checked = new ArrayList<>(candidates.size());
        LocalDays days = new LocalDays(zone);
        for (Reading reading : candidates) {
            List<Limit> own = limits.getOrDefault(reading.enterpriseCode(), List.of());
            LocalDate day = days.of(reading.measuredAt());
            Limit match = null;
            boolean permitValid = false;
            boolean outletKnown = false;
            for (Limit limit : own) {
                if (day.isBefore(limit.validFrom()) || day.isAfter(limit.validTo())) {
                    continue;
                }
                permitValid = true;
                if (limit.outlet().equals(reading.outlet())) {
                    outletKnown = true;
                    if (limit.pollutant().equals(reading.pollutant())) {
                        match = limit;
                        break;
                    }
                }
            }
            if (match != null) {
                checked.add(new Checked(reading, match.concentration(),
                        reading.concentration() > match.concentration()));
            } else if (!permitValid) {
                rejected.add(new Rejection(reading.index(), "no-valid-permit",
                        reading.enterpriseCode() + " holds no valid permit on " + day));
            } else if (!outletKnown) {
                rejected.add(new Rejection(reading.index(), "unknown-outlet",
                        "the permit has no outlet " + reading.outlet()));
            } else {
                rejected.add(new Rejection(reading.index(), "unknown-pollutant",
                        "the permit sets no limit for " + reading.pollutant() + " at " + reading.outlet()));
            }
        }
        return checked;
    }

    /** The bureau's local day of an instant; remembers the last day, since a batch's readings come in runs. */
    private static final class LocalDays {

        private final ZoneId zone;
        private LocalDate day;
        private long from;
        private long until;

        LocalDays(ZoneId zone) {
            this.zone = zone;
        }

        LocalDate of(Instant instant) {
            long second = instant.getEpochSecond();
            if (day == null || second < from || second >= until) {
                day = LocalDate.ofInstant(instant, zone);
                from = day.atStartOfDay(zone).toEpochSecond();
                until = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
            }
            return day;
        }
    }

    private static List<Span> spans(List<Checked> checked) {
        Map<Reading.Series, Instant[]> spans = new HashMap<>();
        for (Checked c : checked) {
            Reading r = c.reading();
            Instant[] span = spans.computeIfAbsent(r.series(), s -> new Instant[] {r.measuredAt(), r.measuredAt()});
            if (r.measuredAt().isBefore(span[0])) {
                span[0] = r.measuredAt();
            }
            if (r.measuredAt().isAfter(span[1])) {
                span[1] = r.measuredAt();
            }
        }
        return spans.entrySet().stream().map(e -> new Span(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * Extends, ends or starts exceedance episodes with the batch's readings, in time order per series; publishes
     * one event per new episode. Returns how many began.
     */
    private Mono<Integer> episodes(List<Checked> stored, Set<String> enterprises) {
        Map<Reading.Series, List<Checked>> series = new LinkedHashMap<>();
        boolean anyExceeding = false;
        for (Checked c : stored) {
            series.computeIfAbsent(c.reading().series(), key -> new ArrayList<>()).add(c);
            anyExceeding |= c.exceeds();
        }
        boolean exceeding = anyExceeding;
        return readings.openEpisodes(enterprises).collectList().flatMap(open -> {
            if (open.isEmpty() && !exceeding) {
                return Mono.just(0);
            }
            Map<Reading.Series, Episode> current = new HashMap<>();
            open.forEach(episode -> current.put(new Reading.Series(episode.enterpriseCode, episode.outlet,
                    episode.pollutant), episode));
            List<Episode> touched = new ArrayList<>();
            for (var entry : series.entrySet()) {
                List<Checked> points = entry.getValue();
                points.sort(Comparator.comparing(c -> c.reading().measuredAt()));
                Episode episode = current.get(entry.getKey());
                // Exceeding readings sent late, from just before the open episode began and with nothing within the
                // limit in between, are the episode's beginning.
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
                            && episode.precededBy(points.get(first).reading(), properties.episodeGap())) {
                        episode.extendBack(points.get(first).reading());
                        first--;
                    }
                    if (first < last && !touched.contains(episode)) {
                        touched.add(episode);
                    }
                    lateFrom = first + 1;
                    lateTo = last + 1;
                }
                // Other readings sent late, from before the open episode began, form closed episodes of their own.
                Episode earlier = null;
                for (int index = 0; index < points.size(); index++) {
                    if (index >= lateFrom && index < lateTo) {
                        continue;
                    }
                    Checked point = points.get(index);
                    Reading reading = point.reading();
                    if (episode != null && reading.measuredAt().isBefore(episode.startedAt)) {
                        if (point.exceeds()) {
                            if (earlier != null && earlier.continuesWith(reading, properties.episodeGap())) {
                                earlier.extend(reading);
                            } else {
                                if (earlier != null) {
                                    earlier.end(earlier.lastExceeding);
                                }
                                earlier = Episode.start(reading, point.permitted());
                                touched.add(earlier);
                            }
                        } else if (earlier != null) {
                            earlier.end(reading.measuredAt());
                            earlier = null;
                        }
                        continue;
                    }
                    if (point.exceeds()) {
                        if (episode != null && episode.continuesWith(reading, properties.episodeGap())) {
                            episode.extend(reading);
                        } else {
                            if (episode != null && reading.measuredAt().isAfter(episode.lastExceeding)) {
                                episode.end(episode.lastExceeding);
                                if (!touched.contains(episode)) {
                                    touched.add(episode);
                                }
                            }
                            episode = Episode.start(reading, point.permitted());
                            touched.add(episode);
                        }
                        if (!touched.contains(episode)) {
                            touched.add(episode);
                        }
                    } else if (episode != null && reading.measuredAt().isAfter(episode.lastExceeding)) {
                        episode.end(reading.measuredAt());
                        if (!touched.contains(episode)) {
                            touched.add(episode);
                        }
                        episode = null;
                    }
                }
                if (earlier != null && earlier.endedAt == null) {
                    earlier.end(earlier.lastExceeding);
                }
            }
            // Existing episodes first: ending one frees its series for a new open one (one open per series).
            List<Episode> started = touched.stream().filter(e -> e.isNew).toList();
            List<MonitoringExceedance> events = started.stream().map(e -> new MonitoringExceedance(e.id,
                    e.enterpriseCode, e.outlet, e.pollutant, e.startedAt, e.firstConcentration, e.permitted)).toList();
            return Flux.fromIterable(touched).filter(e -> !e.isNew).concatMap(readings::update)
                    .then(readings.insert(started))
                    .then(outbox.appendAll(events))
                    .thenReturn(started.size());
        });
    }

    private static List<Rejection> sorted(List<Rejection> rejected) {
        rejected.sort(Comparator.comparingInt(Rejection::index));
        return rejected;
    }

    public Flux<Mean> means(String enterpriseCode, String outlet, String pollutant, LocalDate from, LocalDate to,
                            boolean daily, CurrentUser actor) {
        requireAccess(enterpriseCode, actor);
        if (to.isBefore(from)) {
            return Flux.error(new DomainException.RuleViolation("bad-range", "to", "to must not be before from"));
        }
        if (!daily && from.plusDays(93).isBefore(to)) {
            return Flux.error(new DomainException.RuleViolation("range-too-long", "to",
                    "hourly means are available for up to 93 days at a time"));
        }
        return readings.means(enterpriseCode, outlet, pollutant, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), daily ? "day" : "hour", zone.getId());
    }

    public Mono<PageResponse<ExceedanceView>> exceedances(String enterpriseCode, LocalDate from, PageRequest page,
                                                          CurrentUser actor) {
        requireAccess(enterpriseCode, actor);
        Instant since = from.atStartOfDay(zone).toInstant();
        return readings.episodes(enterpriseCode, since, page.size(), page.offset()).map(ExceedanceView::from)
                .collectList()
                .zipWith(readings.countEpisodes(enterpriseCode, since))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** Every exceedance episode of an enterprise since a day (for the compliance picture). */
    public Flux<ExceedanceView> exceedancesSince(String enterpriseCode, LocalDate from) {
        return readings.episodes(enterpriseCode, from.atStartOfDay(zone).toInstant(), 100_000, 0)
                .map(ExceedanceView::from);
    }

    private static void requireAccess(String enterpriseCode, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(enterpriseCode)) {
            throw new DomainException.NotFound("enterprise", enterpriseCode);
        }
    }
}
