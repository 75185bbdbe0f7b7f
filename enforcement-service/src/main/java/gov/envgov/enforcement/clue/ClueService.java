package gov.envgov.enforcement.clue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** Clues from every source, once each, with the deadline to decide on filing a case. */
@Service
public class ClueService {

    private static final String AUDIT_TYPE = "clue";

    private final ClueRepository clues;
    private final PoolService pool;
    private final WorkingDayCalendar calendar;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final int filingWorkingDays;

    ClueService(ClueRepository clues, PoolService pool, WorkingDayCalendar calendar, Outbox outbox, AuditTrail audit,
                TransactionalOperator transactions, BureauTime time,
                @Value("${envgov.enforcement.case.filing-working-days}") int filingWorkingDays) {
        this.clues = clues;
        this.pool = pool;
        this.calendar = calendar;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
        this.filingWorkingDays = filingWorkingDays;
    }

    /** What a source tells about a lead. {@code district} may be null: the pool knows the unit's. */
    public record Lead(ClueSource source, UUID sourceEventId, String enterpriseCode, String district, String summary,
                       Map<String, Object> details) {
    }

    /**
     * Receives a lead (ENF-CLUE-ONCE: one clue per source event; ENF-CLUE-FILING-DEADLINE: decide on filing within
     * the configured working days). Empty when the source event made its clue already.
     */
    public Mono<Clue> receive(Lead lead, String actor) {
        Mono<String> district = lead.district() != null || lead.enterpriseCode() == null
                ? Mono.justOrEmpty(lead.district()) : pool.districtOf(lead.enterpriseCode());
        return transactions.transactional(district.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(known -> {
                    var today = time.today();
                    Clue clue = new Clue(UUID.randomUUID(), lead.source(), lead.sourceEventId(), lead.enterpriseCode(),
                            known.orElse(null), lead.summary(), lead.details(), ClueStatus.OPEN, today,
                            calendar.plusWorkingDays(today, filingWorkingDays), time.now(), actor);
                    return clues.insert(clue).flatMap(inserted -> !inserted ? Mono.<Clue>empty()
                            : outbox.append(new ClueEvent.ClueReceived(clue.id(), clue.source(),
                                            clue.enterpriseCode(), clue.filingDue()))
                                    .then(audit.record(actor, "receive", AUDIT_TYPE, clue.id().toString(),
                                            Map.of("source", clue.source().name())))
                                    .thenReturn(clue));
                }));
    }

    /**
     * Receives a lead that an act of this service raises (a failed inspection item) and returns its clue: the one
     * made now, or the one the same source made before (ENF-CLUE-ONCE).
     */
    public Mono<Clue> raise(Lead lead, String actor) {
        return receive(lead, actor).switchIfEmpty(Mono.defer(() -> clues.findBySourceEvent(lead.sourceEventId())));
    }

    /** An inspector enters a clue found otherwise (a tip, a patrol). */
    public Mono<Clue> enter(ClueRequests.Enter request, CurrentUser inspector) {
        return receive(new Lead(ClueSource.INSPECTOR, null, request.enterpriseCode(), null, request.summary(),
                Map.of()), inspector.username());
    }

    /** ENF-CLUE-ONCE: a clue is decided once, as filed or not filed; deciding it again is a conflict. */
    public Mono<Clue> decide(UUID id, ClueStatus decision) {
        return find(id).flatMap(clue -> clues.decide(id, decision)
                .flatMap(decided -> decided ? Mono.just(clue) : Mono.error(new DomainException.Conflict(
                        "clue-decided", "clue " + id + " was decided already (" + clue.status() + ")"))));
    }

    public Mono<Clue> find(UUID id) {
        return clues.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("clue", id.toString())));
    }

    /** Open clues, the earliest filing deadline first: overdue ones lead. */
    public Mono<PageResponse<Clue>> queue(PageRequest page) {
        return clues.queue(ClueRepository.open(), page.offset(), page.size()).collectList()
                .zipWith(clues.count(ClueRepository.open()))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    public LocalDate today() {
        return time.today();
    }
}
