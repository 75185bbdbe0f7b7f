package gov.envgov.enforcement.positivelist;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The positive list (正面清单): units assessed by its rules, listed and removed. Each change in its own transaction
 * with the pool's {@code positive_list} flag (the draw weights), {@code PositiveListChanged} and its audit record.
 * Changes are conditional on the entry as it was, so two replicas evaluating at once change a unit once.
 */
@Service
public class PositiveListService {

    static final String AUDIT_TYPE = "positive-list";

    private final PositiveListRepository entries;
    private final PoolService pool;
    private final PositiveListRules rules;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    PositiveListService(PositiveListRepository entries, PoolService pool, PositiveListRules rules, Outbox outbox,
                        AuditTrail audit, TransactionalOperator transactions, BureauTime time) {
        this.entries = entries;
        this.pool = pool;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** What one evaluation changed. */
    public record Evaluation(long listed, long renewed, long removed) {
    }

    /**
     * Assesses the units on the list (ENF-POSITIVE-LIST-REMOVAL: a broken rule removes at once), or every unit in the
     * pool when {@code listedOnly} is false (new listings), batch after batch until none is left.
     */
    public Mono<Evaluation> evaluate(boolean listedOnly, String actor) {
        LocalDate today = time.today();
        int batch = rules.properties().batchSize();
        return batch("", listedOnly, batch)
                .expand(facts -> facts.size() < batch ? Flux.empty()
                        : batch(facts.get(facts.size() - 1).unit().code(), listedOnly, batch))
                .concatMap(Flux::fromIterable)
                .concatMap(facts -> apply(facts, today, actor))
                .reduce(new Evaluation(0, 0, 0), (sum, change) -> switchCount(sum, change));
    }

    /** The clock's run: the listed units every time; every unit once a day, on the replica that claims the day. */
    public Mono<Long> evaluateOnTheClock() {
        String actor = "system:positive-list";
        return evaluate(true, actor)
                .flatMap(listed -> entries.claimDay(time.today(), time.now())
                        .flatMap(claimed -> claimed ? evaluate(false, actor) : Mono.just(new Evaluation(0, 0, 0)))
                        .map(all -> listed.listed() + listed.renewed() + listed.removed() + all.listed()
                                + all.renewed() + all.removed()));
    }

    /** Why a unit is or is not on the list: the rules it breaks today, and its entry. */
    public Mono<Explanation> explain(String code) {
        return entries.facts(code, rules.properties())
                .switchIfEmpty(Mono.error(new DomainException.NotFound("pool entity", code)))
                .map(facts -> new Explanation(facts.unit(), facts.entry(),
                        rules.assess(facts.unit(), time.today()).broken()));
    }

    /** A unit's record, its entry (if it was ever listed) and the rules it breaks today. */
    public record Explanation(UnitRecord record, PositiveListEntry entry, List<String> broken) {
    }

    /** The units on the list now, the most recently listed first. */
    public Mono<PageResponse<ListedUnit>> listed(PageRequest page) {
        return entries.listed(page.offset(), page.size()).collectList().zipWith(entries.countListed())
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    private Mono<List<PositiveListRepository.Facts>> batch(String after, boolean listedOnly, int limit) {
        return entries.facts(after, listedOnly, limit, rules.properties()).collectList();
    }

    private Mono<PositiveListRules.Change> apply(PositiveListRepository.Facts facts, LocalDate today, String actor) {
        String code = facts.unit().code();
        var assessment = rules.assess(facts.unit(), today);
        var change = rules.decide(facts.entry(), assessment, today);
        if (change == PositiveListRules.Change.NONE) {
            return Mono.just(change);
        }
        boolean entering = change != PositiveListRules.Change.REMOVE;
        LocalDate until = entering ? rules.listedUntil(today) : null;
        List<String> reasons = entering ? List.of(change == PositiveListRules.Change.LIST ? "listed" : "renewed")
                : assessment.broken();
        Mono<Boolean> write = entering ? entries.list(code, today, until, time.now())
                : entries.remove(code, today, String.join(",", reasons), time.now());
        return transactions.transactional(write.flatMap(changed -> !changed
                ? Mono.just(PositiveListRules.Change.NONE)
                : pool.markPositiveList(code, entering)
                        .then(outbox.append(new PositiveListChanged(code, entering, today, until, reasons)))
                        .then(audit.record(actor, entering ? "list" : "remove", AUDIT_TYPE, code,
                                Map.of("reasons", reasons, "until", String.valueOf(until))))
                        .thenReturn(change)));
    }

    private static Evaluation switchCount(Evaluation sum, PositiveListRules.Change change) {
        if (change == PositiveListRules.Change.LIST) {
            return new Evaluation(sum.listed() + 1, sum.renewed(), sum.removed());
        }
        if (change == PositiveListRules.Change.RENEW) {
            return new Evaluation(sum.listed(), sum.renewed() + 1, sum.removed());
        }
        if (change == PositiveListRules.Change.REMOVE) {
            return new Evaluation(sum.listed(), sum.renewed(), sum.removed() + 1);
        }
        return sum;
    }
}
