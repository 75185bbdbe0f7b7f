package gov.envgov.permit.lifecycle;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.Batches;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitProperties;
import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.permit.permit.PermitRules;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The end of a permit's validity as the days pass: expiry reminders, then expiry or supersession by its renewal. */
@Service
public class ExpiryService {

    private static final String SYSTEM = "system";

    private final PermitRepository permits;
    private final PermitStore store;
    private final PermitRules rules;
    private final int batchSize;
    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    ExpiryService(PermitRepository permits, PermitStore store, PermitRules rules, PermitProperties properties,
                  DatabaseClient db, TransactionalOperator transactions, BureauTime time) {
        this.permits = permits;
        this.store = store;
        this.rules = rules;
        this.batchSize = properties.clockBatchSize();
        this.db = db;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * Sends the expiry reminders due and expires permits past their last valid day; returns how many permits moved.
     * Safe with several replicas: one run at a time holds a transaction-scoped advisory lock, and each update is
     * conditional on the version it read.
     */
    public Mono<Long> remindAndExpire() {
        LocalDate today = time.today();
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.PERMIT_EXPIRY_CLOCK,
                () -> Flux.concat(remind(today), expire(today))).count());
    }

    private Flux<Permit> remind(LocalDate today) {
        return Batches.untilShort(batchSize,
                (Optional<Permit> after) -> permits.toRemind(today.plusDays(rules.furthestReminderDays()
                        + rules.renewalDeadlineDays()),
                        rules.closestReminderDays(), after, batchSize),
                permit -> Mono.justOrEmpty(permit.remind(today, rules, time.now()))
                        .flatMap(transition -> store.record(transition, SYSTEM, "remind",
                                Map.of("daysBefore", transition.permit().remindedDays()))));
    }

    private Flux<Permit> expire(LocalDate today) {
        return Batches.untilShort(batchSize,
                (Optional<Permit> after) -> permits.issuedEndingBy(today.minusDays(1), after, batchSize),
                permit -> permits.issuedRenewalOf(permit.id()).map(renewal -> Optional.of(renewal.id()))
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(renewedBy -> Mono.justOrEmpty(permit.expire(today, renewedBy.orElse(null),
                                time.now())))
                        .flatMap(transition -> store.record(transition, SYSTEM, "expire", Map.of())));
    }
}
