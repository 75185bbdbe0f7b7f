package gov.envgov.credit.blacklist;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.subject.CreditSubjectService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The severe-dishonesty list's use cases; each in one transaction with its events and audit record. */
@Service
public class ListService {

    private static final String AUDIT_TYPE = "list-entry";
    static final Set<ListStatus> PUBLIC = EnumSet.of(ListStatus.LISTED);
    private static final int EXPIRY_BATCH = 500;

    private final ListRepository entries;
    private final CreditSubjectService subjects;
    private final BlacklistProperties properties;
    private final WorkingDayCalendar calendar;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    ListService(ListRepository entries, CreditSubjectService subjects, BlacklistProperties properties,
                WorkingDayCalendar calendar, Outbox outbox, AuditTrail audit, TransactionalOperator transactions,
                BureauTime time) {
        this.entries = entries;
        this.subjects = subjects;
        this.properties = properties;
        this.calendar = calendar;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** CRD-LIST-NOTICE: a credit officer proposes an entry on a legal basis; the subject is noticed first. */
    public Mono<ListEntry> notice(ListRequests.Propose request, CurrentUser officer) {
        return subjects.find(request.subjectCode(), officer).flatMap(subject -> {
            var today = time.today();
            var noticed = ListEntry.notice(UUID.randomUUID(), subject.code(), subject.name(), request.severity(),
                    request.legalBasis(), request.facts(), today,
                    calendar.plusWorkingDays(today, properties.responseWorkingDays()), officer.username());
            ListEntry entry = noticed.next();
            return transactions.transactional(entries.insert(entry, time.now())
                    .then(outbox.appendAll(noticed.events()))
                    .then(audit.record(officer.username(), "notice", AUDIT_TYPE, entry.id().toString(),
                            Map.of("subject", entry.subjectCode(), "basis", entry.legalBasis())))
                    .thenReturn(entry));
        });
    }

    /** The noticed subject responds (its own notice only; another's does not exist for it). */
    public Mono<ListEntry> respond(UUID id, String response, CurrentUser enterprise) {
        return step(id, enterprise, "respond", entry -> {
            if (!enterprise.actsFor(entry.subjectCode())) {
                throw new DomainException.NotFound("list entry", id.toString());
            }
            return entry.respond(response, time.today());
        });
    }

    public Mono<ListEntry> list(UUID id, CurrentUser officer) {
        return step(id, officer, "list", entry -> entry.list(time.today(), properties.periods().get(entry.severity())));
    }

    public Mono<ListEntry> drop(UUID id, String reason, CurrentUser officer) {
        return step(id, officer, "drop", entry -> entry.drop(reason, time.today()));
    }

    /** CRD-LIST-PERIODS: every entry whose maximum period has ended comes off the list (the clock's part). */
    public Mono<Long> removeExpired() {
        var today = time.today();
        return entries.expired(today, PUBLIC, EXPIRY_BATCH)
                .concatMap(entry -> store(entry.remove(today, "公示期满自动移出"), "system:clock", "expire")
                        .onErrorResume(DomainException.Conflict.class, changed -> Mono.empty()))
                .count();
    }

    /** Early exit by an approved credit repair, only after the minimum period (CRD-LIST-PERIODS). */
    public Mono<ListEntry> exitEarly(UUID id, String subjectCode, String reason, String actor) {
        return transactions.transactional(load(id).filter(entry -> entry.subjectCode().equals(subjectCode))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("list entry", id.toString())))
                .flatMap(entry -> store(entry.exitEarly(time.today(), reason), actor, "exit-early")));
    }

    public Mono<ListEntry> find(UUID id, CurrentUser reader) {
        return load(id).filter(entry -> reader.isStaff() || reader.actsFor(entry.subjectCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("list entry", id.toString())));
    }

    public Flux<ListEntry> ofSubject(String subjectCode) {
        return entries.ofSubject(subjectCode);
    }

    /** The subject's entry on the public list now, if any. */
    public Mono<ListEntry> listed(String subjectCode) {
        return entries.newest(subjectCode, PUBLIC);
    }

    public Mono<PageResponse<ListEntry>> search(Set<ListStatus> statuses, String text, PageRequest page) {
        return entries.search(statuses, text, page.offset(), page.size()).collectList()
                .zipWith(entries.count(statuses, text))
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    private Mono<ListEntry> step(UUID id, CurrentUser actor, String action,
                                 Function<ListEntry, ListEntry.Transition> decide) {
        return transactions.transactional(load(id).flatMap(entry -> store(decide.apply(entry), actor.username(),
                action)));
    }

    private Mono<ListEntry> store(ListEntry.Transition transition, String actor, String action) {
        ListEntry next = transition.next();
        return entries.update(next, time.now())
                .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "stale-version", "list entry " + next.id() + " was changed meanwhile; reload it")))
                .then(outbox.appendAll(transition.events()))
                .then(audit.record(actor, action, AUDIT_TYPE, next.id().toString(),
                        Map.of("status", next.status().name())))
                .thenReturn(next);
    }

    private Mono<ListEntry> load(UUID id) {
        return entries.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("list entry", id.toString())));
    }
}
