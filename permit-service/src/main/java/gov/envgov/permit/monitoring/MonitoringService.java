package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online-monitoring ingestion: every reading is checked (sender, permit, outlet, pollutant, time, flag, duplicates)
 * as it is stored; readings of a unit without a valid permit are kept as evidence and become episodes of discharge
 * without a permit. Compliance is judged on the means of valid data of closed periods (hourly or daily as each
 * limit's standard says); runs of exceeding means become episodes, each with one event. A batch is one transaction:
 * readings, means, episodes and events are stored together or not at all.
 */
@Service
public class MonitoringService {

    private final MonitoringRepository readings;
    private final MonitoringProperties properties;
    private final EpisodeTracker episodes;
    private final EpisodeTracker dailyEpisodes;
    private final UnpermittedTracker unpermitted;
    private final AnomalyService anomalies;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final BureauTime time;

    MonitoringService(MonitoringRepository readings, MonitoringProperties properties, AnomalyService anomalies,
                      Outbox outbox, TransactionalOperator transactions, JsonMapper json, BureauTime time) {
        this.anomalies = anomalies;
        this.readings = readings;
        this.properties = properties;
        this.episodes = new EpisodeTracker(properties.episodeGap(), UUID::randomUUID);
        this.dailyEpisodes = new EpisodeTracker(properties.dailyEpisodeGap(), UUID::randomUUID);
        this.unpermitted = new UnpermittedTracker(properties.withoutPermitGap(), UUID::randomUUID, time::dateOf);
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.time = time;
    }

    public Mono<IngestResult> ingest(byte[] body, CurrentUser sender) {
        boolean system = sender.hasRole(Roles.MONITORING_SENDER) && properties.systems().contains(sender.username());
        if (!system && !sender.hasRole(Roles.ENTERPRISE)) {
            return Mono.error(new DomainException.Forbidden(
                    "readings come from the enterprise itself or from a registered monitoring system"));
        }
        ReadingBatchParser.Parsed parsed = ReadingBatchParser.parse(json, body);
        Instant now = time.now();
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
                        .then(Mono.zip(readings.limits(enterprises), readings.managementClasses(enterprises)))
                        .flatMap(found -> {
                            Map<String, List<PermittedLimit>> limits = found.getT1();
                            List<CheckedReading> checked = LimitCheck.check(candidates, limits, found.getT2(),
                                    time::dateOf, limit -> properties.averagingOf(limit.outlet(), limit.standard()),
                                    rejected);
                            return readings.existing(checked).flatMap(existing -> {
                                List<CheckedReading> fresh = new ArrayList<>(checked.size());
                                for (CheckedReading c : checked) {
                                    Reading r = c.reading();
                                    if (existing.contains(r.point())) {
                                        rejected.add(new Rejection(r.index(), "duplicate",
                                                "a reading for this outlet, pollutant and instant is stored already"));
                                    } else {
                                        fresh.add(c);
                                    }
                                }
                                List<CheckedReading> permitted = fresh.stream()
                                        .filter(c -> !c.withoutPermit()).toList();
                                int withoutPermit = fresh.size() - permitted.size();
                                return readings.copy(fresh, source, now)
                                        .then(anomalies.afterStored(fresh, enterprises))
                                        .then(trackEpisodes(permitted, enterprises))
                                        .zipWith(trackUnpermitted(fresh, enterprises, withoutPermit))
                                        .map(counts -> new IngestResult(parsed.received(), fresh.size(),
                                                counts.getT1(), withoutPermit, counts.getT2(), sorted(rejected)));
                            });
                        }));
    }

    /**
     * Judges the closed periods of the batch's series on means of valid data (PERMIT-COMPLIANCE-ON-MEANS): hourly
     * means where the limit's standard says so, daily means of every series. Runs of exceeding means of the
     * limit's averaging extend, end or start exceedance episodes ({@link EpisodeTracker} decides), each new one
     * with one event; newly exceeding daily means may reach the supervision trigger. Returns how many episodes
     * began.
     */
    private Mono<Integer> trackEpisodes(List<CheckedReading> stored, Set<String> enterprises) {
        if (stored.isEmpty()) {
            return Mono.just(0);
        }
        Map<Reading.Series, Averaging> series = new LinkedHashMap<>();
        stored.forEach(c -> series.putIfAbsent(c.reading().series(), c.averaging()));
        String zone = time.zone().getId();
        return Flux.fromIterable(series.entrySet())
                .concatMap(entry -> {
                    Mono<List<JudgedMean>> hourly = entry.getValue() == Averaging.HOUR
                            ? readings.judge(entry.getKey(), Averaging.HOUR, zone).collectList()
                            : Mono.just(List.of());
                    return hourly.zipWith(readings.judge(entry.getKey(), Averaging.DAY, zone).collectList(),
                            (hours, days) -> new Judged(entry.getValue(), hours, days));
                })
                .collectList()
                .flatMap(judged -> readings.openEpisodes(enterprises).collectList().flatMap(open -> {
                    List<CheckedReading> hourPoints = new ArrayList<>();
                    List<CheckedReading> dayPoints = new ArrayList<>();
                    for (Judged j : judged) {
                        j.hours().forEach(m -> hourPoints.add(m.asPoint()));
                        if (j.averaging() == Averaging.DAY) {
                            j.days().forEach(m -> dayPoints.add(m.asPoint()));
                        }
                    }
                    EpisodeTracker.Changes byHour = episodes.track(hourPoints, open);
                    EpisodeTracker.Changes byDay = dailyEpisodes.track(dayPoints, open);
                    List<Episode> changed = new ArrayList<>(byHour.changed());
                    changed.addAll(byDay.changed());
                    List<Episode> started = new ArrayList<>(byHour.started());
                    started.addAll(byDay.started());
                    List<MonitoringExceedance> events = new ArrayList<>(byHour.events());
                    events.addAll(byDay.events());
                    // Existing episodes first: ending one frees its series for a new open one (one open per series).
                    return Flux.fromIterable(changed).concatMap(readings::update)
                            .then(readings.insert(started))
                            .then(outbox.appendAll(events))
                            .then(Flux.fromIterable(judged).concatMap(j -> supervisionTrigger(j.days())).then())
                            .thenReturn(started.size());
                }));
    }

    /** What one series' judgement gave: its limit's averaging, the new hourly and daily means. */
    private record Judged(Averaging averaging, List<JudgedMean> hours, List<JudgedMean> days) {
    }

    /**
     * PERMIT-SUPERVISION-TRIGGER: daily means over the limit on N of M days (B: 10 of 30), counted on the window
     * ending with the latest newly exceeding day; published once per series and window.
     */
    private Mono<Void> supervisionTrigger(List<JudgedMean> days) {
        JudgedMean last = null;
        for (JudgedMean day : days) {
            if (day.exceeds()) {
                last = day;
            }
        }
        if (last == null) {
            return Mono.empty();
        }
        MonitoringProperties.SupervisionTrigger trigger = properties.supervisionTrigger();
        LocalDate windowTo = time.dateOf(last.periodStart());
        LocalDate windowFrom = windowTo.minusDays(trigger.windowDays() - 1L);
        ZoneId zone = time.zone();
        Reading.Series series = last.series();
        return readings.daysOver(series, windowFrom.atStartOfDay(zone).toInstant(),
                        windowTo.plusDays(1).atStartOfDay(zone).toInstant())
                .filter(n -> n >= trigger.daysOver())
                .flatMap(n -> readings.recordTrigger(series, windowTo, trigger.windowDays(), n.intValue())
                        .filter(Boolean::booleanValue)
                        .flatMap(recorded -> outbox.appendAll(List.of(new MonitoringSupervisionTriggered(
                                series.enterpriseCode(), series.outlet(), series.pollutant(), windowFrom, windowTo,
                                n.intValue(), trigger.windowDays(), trigger.daysOver())))))
                .then();
    }

    /**
     * Readings of a unit without a valid permit extend or begin episodes of discharge without a permit (PERMIT-
     * DISCHARGE-WITHOUT-PERMIT), one {@link DischargeWithoutPermit} event per new episode. Returns how many began.
     */
    private Mono<Integer> trackUnpermitted(List<CheckedReading> stored, Set<String> enterprises, int count) {
        if (count == 0) {
            return Mono.just(0);
        }
        return readings.openUnpermitted(enterprises).collectList().flatMap(open -> {
            UnpermittedTracker.Changes changes = unpermitted.track(stored, open);
            return Flux.fromIterable(changes.changed()).concatMap(readings::update)
                    .thenMany(Flux.fromIterable(changes.started()).concatMap(readings::insert))
                    .then(outbox.appendAll(changes.events()))
                    .thenReturn(changes.started().size());
        });
    }

    /** Episodes of discharge without a permit of an enterprise since a day, latest first (staff only). */
    public Flux<UnpermittedEpisode> dischargesWithoutPermit(String enterpriseCode, LocalDate from,
                                                            CurrentUser actor) {
        requireAccess(enterpriseCode, actor);
        return readings.unpermittedEpisodes(enterpriseCode, from.atStartOfDay(time.zone()).toInstant());
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
        int longest = properties.maxHourlyMeanDays();
        if (!daily && from.plusDays(longest).isBefore(to)) {
            return Flux.error(new DomainException.RuleViolation("range-too-long", "to",
                    "hourly means are available for up to " + longest + " days at a time"));
        }
        ZoneId zone = time.zone();
        return readings.means(enterpriseCode, outlet, pollutant, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), daily ? "day" : "hour", zone.getId());
    }

    public Mono<PageResponse<ExceedanceView>> exceedances(String enterpriseCode, LocalDate from, PageRequest page,
                                                          CurrentUser actor) {
        requireAccess(enterpriseCode, actor);
        Instant since = from.atStartOfDay(time.zone()).toInstant();
        return readings.episodes(enterpriseCode, since, page.size(), page.offset()).map(ExceedanceView::from)
                .collectList()
                .zipWith(readings.countEpisodes(enterpriseCode, since))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** When each exceedance episode of an enterprise since a day began (for the compliance picture). */
    public Flux<Instant> exceedanceStartsSince(String enterpriseCode, LocalDate from) {
        return readings.episodeStarts(enterpriseCode, from.atStartOfDay(time.zone()).toInstant());
    }

    private static void requireAccess(String enterpriseCode, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(enterpriseCode)) {
            throw new DomainException.NotFound("enterprise", enterpriseCode);
        }
    }
}
