package gov.envgov.enforcement.draw;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** The draw's use cases; each runs in one transaction with its event and audit record. */
@Service
public class DrawService {

    private static final String AUDIT_TYPE = "draw";
    private static final int SEED_BYTES = 32;

    private final DrawRepository draws;
    private final PoolService pool;
    private final DrawRules rules;
    private final Districts districts;
    private final WorkingDayCalendar calendar;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final SecureRandom random = new SecureRandom();

    DrawService(DrawRepository draws, PoolService pool, DrawRules rules, Districts districts,
                WorkingDayCalendar calendar, Outbox outbox, AuditTrail audit, TransactionalOperator transactions,
                BureauTime time) {
        this.draws = draws;
        this.pool = pool;
        this.rules = rules;
        this.districts = districts;
        this.calendar = calendar;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** Announces a plan with a fresh secret seed, of which only the SHA-256 is shown until the results. */
    public Mono<Draw> announce(Draw.Plan plan, CurrentUser actor) {
        if (plan.district() != null && !districts.isKnown(plan.district())) {
            return Mono.error(new DomainException.RuleViolation("unknown-district", "district",
                    "'" + plan.district() + "' is not a district of this city"));
        }
        rules.requireValid(plan);
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        var announced = Draw.announce(UUID.randomUUID(), plan, HexFormat.of().formatHex(seed), actor.username(),
                time.now());
        Draw draw = announced.draw();
        return transactions.transactional(draws.insert(draw)
                .flatMap(inserted -> inserted ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "draw-exists", "a draw for " + plan.period() + " and this scope exists already;"
                                + " a draw is never re-rolled")))
                .then(outbox.append(announced.event()))
                .then(audit.record(actor.username(), "announce", AUDIT_TYPE, draw.id().toString(),
                        Map.of("period", plan.period(), "seedCommitment", draw.seedCommitment())))
                .thenReturn(draw));
    }

    /** Draws once, on a snapshot of the pool in scope taken now; the snapshot is stored with the result. */
    public Mono<Draw> perform(UUID id, CurrentUser actor) {
        return transactions.transactional(load(id).flatMap(draw -> pool.members(draw.district(),
                        draw.managementClass())
                .map(member -> new DrawAlgorithm.Entry(member.code(),
                        rules.weight(member.creditGrade(), member.positiveList())))
                .collectList()
                .flatMap(snapshot -> {
                    var plan = new Draw.Plan(draw.period(), draw.level(), draw.district(), draw.managementClass(),
                            draw.inspectors());
                    var drawn = draw.perform(snapshot, rules.sampleSize(plan, snapshot.size()), time.now(),
                            calendar.plusWorkingDays(time.today(), rules.resultsWorkingDays()));
                    Draw next = drawn.draw();
                    return store(next, drawn.event(), actor, "draw", Map.of("snapshotHash", next.snapshotHash(),
                            "poolSize", next.poolSize(), "sampleSize", next.selection().size()))
                            .then(draws.insertSnapshot(id, new String(DrawAlgorithm.canonical(snapshot),
                                    StandardCharsets.UTF_8)))
                            .thenReturn(next);
                })));
    }

    /** Announces the results: the seed is revealed, and anyone can re-run the draw from the publication. */
    public Mono<Draw> publish(UUID id, CurrentUser actor) {
        return transactions.transactional(load(id).flatMap(draw -> {
            var published = draw.publish(time.now());
            return store(published.draw(), published.event(), actor, "publish", Map.of())
                    .thenReturn(published.draw());
        }));
    }

    public Mono<Draw> find(UUID id) {
        return load(id);
    }

    /** Staff see every draw; the public sees the same list, each draw as far as it is published. */
    public Mono<PageResponse<Draw>> list(PageRequest page) {
        List<DrawStatus> all = new ArrayList<>(EnumSet.allOf(DrawStatus.class));
        return draws.list(all, page.offset(), page.size()).collectList()
                .zipWith(draws.count(all))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** Everything a citizen needs to re-run a published draw; nothing before the results are announced. */
    public Mono<DrawVerification> verification(UUID id) {
        return load(id).flatMap(draw -> {
            if (!draw.isPublished()) {
                return Mono.error(new DomainException.Conflict("draw-not-published", "draw " + id
                        + " is " + draw.status() + ": its seed is revealed with the results"));
            }
            return draws.snapshot(id).map(canonical -> DrawVerification.of(draw, canonical));
        });
    }

    private Mono<Draw> load(UUID id) {
        return draws.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("draw", id.toString())));
    }

    private Mono<Void> store(Draw next, DrawEvent event, CurrentUser actor, String action, Map<String, ?> details) {
        return draws.update(next)
                .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "stale-version", "draw " + next.id() + " was changed meanwhile; reload it")))
                .then(outbox.append(event))
                .then(audit.record(actor.username(), action, AUDIT_TYPE, next.id().toString(), details));
    }
}
