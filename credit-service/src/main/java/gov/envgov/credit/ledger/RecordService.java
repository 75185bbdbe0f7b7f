package gov.envgov.credit.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.scheme.Assessment;
import gov.envgov.credit.scheme.Scheme;
import gov.envgov.credit.scheme.SchemeService;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Credit records from the feeds (once per source event) and from credit officers (with evidence). */
@Service
public class RecordService {

    static final String AUDIT_TYPE = "credit-record";
    static final Set<RecordStatus> COUNTED = EnumSet.of(RecordStatus.ACTIVE);

    private final RecordRepository records;
    private final SchemeService schemes;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final RecordProperties properties;

    RecordService(RecordRepository records, SchemeService schemes, WorkingDayCalendar calendar, AuditTrail audit,
                  TransactionalOperator transactions, BureauTime time, RecordProperties properties) {
        this.records = records;
        this.schemes = schemes;
        this.calendar = calendar;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
        this.properties = properties;
    }

    /**
     * What a producer's event says about a behaviour.
     *
     * @param occurredOn the day of the behaviour: its year is the record's period
     * @param knownOn    the day the bureau learned of it (the event's day): the entry deadline counts from it
     */
    public record Fact(CreditRecord.Source source, String eventType, String subjectCode, UUID caseId,
                       LocalDate occurredOn, LocalDate knownOn, Double measure, boolean flagged, String summary,
                       Map<String, Object> details) {
    }

    /**
     * CRD-RECORD-ONCE: one record per source event, however often it is delivered; an event that does not count
     * under its period's scheme version makes none. Runs in the caller's transaction (the feed cursor's).
     */
    public Mono<CreditRecord> receive(Fact fact) {
        int period = fact.occurredOn().getYear();
        Scheme scheme = schemes.inForce(period).orElse(null);
        if (scheme == null) {
            // Before the scheme's first version nothing is evaluated; the event must not stop the feed either.
            return Mono.empty();
        }
        Assessment assessment = Assessment.of(scheme, null, fact.eventType(), fact.measure(), null, fact.flagged(),
                null);
        if (!assessment.counts()) {
            return Mono.empty();
        }
        LocalDate today = time.today();
        CreditRecord record = new CreditRecord(UUID.randomUUID(), fact.subjectCode(), period, RecordOrigin.FEED,
                fact.source(), fact.eventType(), fact.caseId(), fact.occurredOn(), fact.knownOn(), fact.measure(),
                fact.flagged(), assessment.schemeVersion(), assessment.rule(), assessment.indicator(),
                assessment.severity(), assessment.points(), assessment.vetoCode(), fact.summary(), fact.details(),
                List.of(), enterBy(fact.knownOn()), today, time.now(), "system:feed", RecordStatus.ACTIVE, null);
        return transactions.transactional(records.insert(record)
                .flatMap(inserted -> inserted ? Mono.just(record) : Mono.empty()));
    }

    /** CRD-RECORD-WITHDRAWN: a withdrawn penalty decision takes its record back (it stays, marked withdrawn). */
    public Mono<Long> withdrawDecision(UUID caseId, Collection<String> eventTypes, String reason) {
        return transactions.transactional(records.withdrawCase(caseId, eventTypes, reason, time.now()));
    }

    /**
     * CRD-RECORD-MANUAL: a credit officer enters a behaviour no feed brings, under a rule of the scheme in force for
     * its period or as one of its veto events, with the evidence it rests on.
     */
    public Mono<CreditRecord> enter(RecordRequests.Enter request, CurrentUser officer) {
        return Mono.defer(() -> {
            int period = request.occurredOn().getYear();
            Scheme scheme = schemes.forPeriod(period);
            if (request.rule() == null && request.vetoCode() == null) {
                throw new DomainException.RuleViolation("rule-required", "rule",
                        "name a rule of " + scheme.version() + " or one of its veto events");
            }
            Scheme.Deduction rule = request.rule() == null ? null : scheme.rule(request.rule())
                    .orElseThrow(() -> new DomainException.RuleViolation("unknown-rule", "rule",
                            scheme.version() + " has no rule " + request.rule()));
            if (rule != null && (request.severity() == null || rule.band(request.severity()).isEmpty())) {
                throw new DomainException.RuleViolation("unknown-severity", "severity", "rule " + rule.rule()
                        + " has the severities " + rule.bands().stream().map(Scheme.Band::severity).toList());
            }
            if (request.vetoCode() != null && scheme.veto(request.vetoCode()).isEmpty()) {
                throw new DomainException.RuleViolation("unknown-veto", "vetoCode",
                        scheme.version() + " has no veto event " + request.vetoCode());
            }
            if (request.occurredOn().isAfter(time.today())) {
                throw new DomainException.RuleViolation("in-the-future", "occurredOn",
                        "a behaviour is recorded after it happened");
            }
            String eventType = rule == null ? Scheme.MANUAL : rule.eventType();
            Assessment assessment = Assessment.of(scheme, request.rule(), eventType, null, request.severity(),
                    false, request.vetoCode());
            LocalDate knownOn = request.knownOn() == null ? request.occurredOn() : request.knownOn();
            List<CreditRecord.Evidence> evidence = request.evidence().stream()
                    .map(item -> new CreditRecord.Evidence(item.name(), item.sha256().toLowerCase(), item.uri()))
                    .toList();
            CreditRecord record = new CreditRecord(UUID.randomUUID(), request.subjectCode(), period,
                    RecordOrigin.MANUAL, null, eventType, null, request.occurredOn(), knownOn, null, false,
                    assessment.schemeVersion(), assessment.rule(), assessment.indicator(), assessment.severity(),
                    assessment.points(), assessment.vetoCode(), request.summary(), Map.of(), evidence,
                    enterBy(knownOn), time.today(), time.now(), officer.username(), RecordStatus.ACTIVE, null);
            return transactions.transactional(records.insert(record)
                    .then(audit.record(officer.username(), "enter", AUDIT_TYPE, record.id().toString(),
                            Map.of("subject", record.subjectCode(), "rule", String.valueOf(record.rule()),
                                    "veto", String.valueOf(record.vetoCode()), "evidence", evidence.size())))
                    .thenReturn(record));
        });
    }

    /** Takes records a decision on an objection found wrong out of the count; only the subject's own of the period. */
    public Mono<Long> correct(Collection<UUID> ids, String subjectCode, int period, String reason, String actor) {
        return takeOut(ids, subjectCode, period, RecordStatus.CORRECTED, reason, actor);
    }

    /** Takes records an approved credit repair covers out of the count; only the subject's own of the period. */
    public Mono<Long> repair(Collection<UUID> ids, String subjectCode, int period, String reason, String actor) {
        return takeOut(ids, subjectCode, period, RecordStatus.REPAIRED, reason, actor);
    }

    /** The enforcement cases among these whose penalty was paid (a PenaltyPaid record of the case). */
    public Mono<Set<UUID>> paidCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return records.ofCases(caseIds).filter(record -> "PenaltyPaid".equals(record.eventType()))
                .map(CreditRecord::caseId).collect(Collectors.toUnmodifiableSet());
    }

    private Mono<Long> takeOut(Collection<UUID> ids, String subjectCode, int period, RecordStatus status,
                               String reason, String actor) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return transactions.transactional(records.takeOut(ids, subjectCode, period, status, reason, time.now())
                .flatMap(corrected -> audit.record(actor, status.name().toLowerCase(), AUDIT_TYPE + "s",
                        subjectCode + ":" + period, Map.of("records",
                                ids.stream().map(UUID::toString).sorted().toList(), "reason", reason))
                        .thenReturn(corrected)));
    }

    public Mono<CreditRecord> find(UUID id) {
        return records.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("credit record",
                id.toString())));
    }

    /** The records that count in a period, by subject. */
    public Flux<CreditRecord> counted(int period) {
        return records.ofPeriod(period, COUNTED);
    }

    public Flux<CreditRecord> counted(String subjectCode, int period) {
        return records.ofSubject(subjectCode, period, COUNTED);
    }

    /** Every record of a subject in a period, counted or not (the enterprise sees why one no longer counts). */
    public Flux<CreditRecord> all(String subjectCode, int period) {
        return records.ofSubject(subjectCode, period, EnumSet.allOf(RecordStatus.class));
    }

    public Mono<PageResponse<CreditRecord>> search(String subjectCode, Integer period, PageRequest page) {
        return records.search(subjectCode, period, page.offset(), page.size()).collectList()
                .zipWith(records.count(subjectCode, period))
                .map(found -> new PageResponse<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    /** CRD-RECORD-ENTRY-DEADLINE: entered within the configured working days of the bureau learning of it. */
    LocalDate enterBy(LocalDate knownOn) {
        return calendar.plusWorkingDays(knownOn, properties.entryWorkingDays());
    }

    public LocalDate today() {
        return time.today();
    }
}
