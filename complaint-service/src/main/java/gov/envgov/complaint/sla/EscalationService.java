package gov.envgov.complaint.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintRepository;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.complaint.complaint.EscalationLevel;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Escalation of overdue work (催办 → 督办 → 通报) and of emergencies not dispatched in time. */
@Service
public class EscalationService {

    /** The actor of what the platform does by itself, in the audit trail. */
    static final String SYSTEM = "system:sla";

    private final ComplaintRepository complaints;
    private final ComplaintStore store;
    private final SlaRules rules;
    private final int batchSize;
    private final TransactionalOperator transactions;
    private final DatabaseClient db;
    private final BureauTime time;

    EscalationService(ComplaintRepository complaints, ComplaintStore store, ComplaintProperties properties,
                      WorkingDayCalendar calendar, TransactionalOperator transactions, DatabaseClient db,
                      BureauTime time) {
        this.complaints = complaints;
        this.store = store;
        this.rules = SlaRules.of(properties, calendar);
        this.batchSize = properties.escalation().batchSize();
        this.transactions = transactions;
        this.db = db;
        this.time = time;
    }

    /**
     * Escalates every overdue complaint to the level its working days past due have reached, batch after batch
     * until none is left, and every late emergency. Returns how many were escalated. Safe with several replicas:
     * one run at a time holds a transaction-scoped advisory lock (another replica's run does nothing), and each
     * update is conditional on the version it read.
     */
    public Mono<Long> escalateOverdue() {
        LocalDate today = time.today();
        Instant registeredBefore = rules.emergencyDispatchDeadline(time.now());
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.COMPLAINT_ESCALATION,
                        () -> lateEmergencies(registeredBefore, null).concatWith(overdue(today, null)))
                .reduce(0L, Long::sum));
    }

    private Mono<Long> lateEmergencies(Instant registeredBefore, @Nullable Complaint after) {
        return complaints.undispatchedEmergencies(registeredBefore, after, batchSize).collectList()
                .flatMap(batch -> escalateAll(batch, late -> rules.undispatchedEmergencyLevel())
                        .flatMap(escalated -> isLast(batch) ? Mono.just(escalated)
                                : lateEmergencies(registeredBefore, batch.get(batch.size() - 1))
                                .map(more -> escalated + more)));
    }

    private Mono<Long> overdue(LocalDate today, @Nullable Complaint after) {
        return complaints.overdue(today, after, batchSize).collectList()
                .flatMap(batch -> escalateAll(batch, overdue -> rules.levelOf(overdue, today))
                        .flatMap(escalated -> isLast(batch) ? Mono.just(escalated)
                                : overdue(today, batch.get(batch.size() - 1)).map(more -> escalated + more)));
    }

    /** A batch shorter than the batch size is the last one. */
    private boolean isLast(List<Complaint> batch) {
        return batch.size() < batchSize;
    }

    private Mono<Long> escalateAll(List<Complaint> batch, Function<Complaint, EscalationLevel> level) {
        return Flux.fromIterable(batch).concatMap(complaint -> escalate(complaint, level.apply(complaint)))
                .reduce(0L, Long::sum);
    }

    /** Raises one complaint's escalation; nothing when it is there already or changed meanwhile. */
    private Mono<Long> escalate(Complaint complaint, EscalationLevel level) {
        return Mono.justOrEmpty(complaint.escalate(level, time.now()))
                .flatMap(transition -> store.recordIfUnchanged(Step.of(transition, Map.of("level", level.name())),
                        SYSTEM, "escalate"))
                .map(stored -> stored ? 1L : 0L)
                .defaultIfEmpty(0L);
    }
}
