package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
 * Online-monitoring ingestion: every reading is checked (sender, permit, outlet, pollutant, time, duplicates) and
 * against its permitted concentration as it is stored; exceedances become episodes, each with one event. A batch is
 * one transaction: readings, episodes and events are stored together or not at all.
 */
@Service
public class MonitoringService {

    private final MonitoringRepository readings;
    private final MonitoringProperties properties;
    private final EpisodeTracker episodes;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final BureauTime time;

    MonitoringService(MonitoringRepository readings, MonitoringProperties properties, Outbox outbox,
                      TransactionalOperator transactions, JsonMapper json, BureauTime time) {
        this.readings = readings;
        this.properties = properties;
        this.episodes = new EpisodeTracker(properties.episodeGap(), UUID::randomUUID);
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.time = time;
    }

    public Mono<IngestResult> ingest(byte[] body, CurrentUser sender) {
        boolean system = sender.hasRole(Roles.SERVICE) && properties.systems().contains(sender.username());
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
                        .then(readings.limits(enterprises))
                        .flatMap(limits -> {
                            List<CheckedReading> checked = LimitCheck.check(candidates, limits, time::dateOf,
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
                                return readings.copy(fresh, source, now)
                                        .then(trackEpisodes(fresh, enterprises))
                                        .map(newEpisodes -> new IngestResult(parsed.received(), fresh.size(),
                                                newEpisodes, sorted(rejected)));
                            });
                        }));
    }

    /**
     * Extends, ends or starts exceedance episodes with the batch's readings ({@link EpisodeTracker} decides), stores
     * them and publishes one event per new episode. Returns how many began.
     */
    private Mono<Integer> trackEpisodes(List<CheckedReading> stored, Set<String> enterprises) {
        return readings.openEpisodes(enterprises).collectList().flatMap(open -> {
            EpisodeTracker.Changes changes = episodes.track(stored, open);
            // Existing episodes first: ending one frees its series for a new open one (one open per series).
            return Flux.fromIterable(changes.changed()).concatMap(readings::update)
                    .then(readings.insert(changes.started()))
                    .then(outbox.appendAll(changes.events()))
                    .thenReturn(changes.started().size());
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
