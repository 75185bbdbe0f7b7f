package gov.envgov.enforcement.casefile;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.enforcement.clue.Clue;
import gov.envgov.enforcement.clue.ClueService;
import gov.envgov.enforcement.clue.ClueStatus;
import gov.envgov.enforcement.disclosure.PublicationService;
import gov.envgov.enforcement.discretion.DiscretionCalculator;
import gov.envgov.enforcement.discretion.DiscretionService;
import gov.envgov.support.audit.AuditAnchors;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The case procedure's use cases; each step in one transaction with its event and its record in the audit chain. */
@Service
public class CaseService {

    private static final String AUDIT_TYPE = "case";

    private final CaseRepository cases;
    private final ClueService clues;
    private final PublicationService publications;
    private final DiscretionService discretion;
    private final CaseRules rules;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AuditAnchors anchors;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    CaseService(CaseRepository cases, ClueService clues, PublicationService publications, DiscretionService discretion,
                CaseRules rules, Outbox outbox, AuditTrail audit, AuditAnchors anchors,
                TransactionalOperator transactions, BureauTime time) {
        this.cases = cases;
        this.anchors = anchors;
        this.discretion = discretion;
        this.publications = publications;
        this.clues = clues;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** Files an open clue as a case (立案), discovered the day the clue arrived. */
    public Mono<EnforcementCase> file(UUID clueId, CaseRequests.FileCase request, CurrentUser actor) {
        return transactions.transactional(clues.find(clueId).flatMap(clue -> {
            CaseFacts facts = facts(clue, request.party(), request.violation(), request.legalBasis(), request.veto(),
                    request.violationEndedOn(), request.harmToLife(), request.major());
            var filed = EnforcementCase.file(UUID.randomUUID(), facts, request.investigators(), time.today(), rules);
            return start(clueId, ClueStatus.FILED, filed, actor, "file");
        }));
    }

    /** Records that a clue is not filed, and why (不予立案). */
    public Mono<EnforcementCase> notFile(UUID clueId, String reason, CurrentUser actor) {
        return transactions.transactional(clues.find(clueId).flatMap(clue -> {
            CaseFacts facts = facts(clue, PartyKind.ORGANISATION, "-", "-", false, clue.receivedOn(), false, false);
            return start(clueId, ClueStatus.NOT_FILED, EnforcementCase.notFiled(UUID.randomUUID(), facts, reason),
                    actor, "not-file");
        }));
    }

    /** One step of the procedure, decided by the aggregate; {@code action} names it in the audit chain. */
    public Mono<EnforcementCase> step(UUID id, CurrentUser actor, String action, Map<String, ?> details,
                                      Function<EnforcementCase, EnforcementCase.Transition> decide) {
        return transactions.transactional(load(id).flatMap(current -> {
            var transition = decide.apply(current);
            EnforcementCase next = transition.next();
            return cases.update(next, time.now())
                    .flatMap(updated -> updated ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                            "stale-version", "case " + id + " was changed meanwhile; reload it")))
                    .then(publish(transition))
                    .then(audit.record(actor.username(), action, AUDIT_TYPE, id.toString(), details))
                    .thenReturn(next);
        }));
    }

    /** Every event of a transition on the outbox, each disclosed as the law says. */
    private Mono<Void> publish(EnforcementCase.Transition transition) {
        return Flux.fromIterable(transition.events())
                .concatMap(event -> outbox.append(event).then(disclose(event, transition.next())))
                .then();
    }

    /** A penalty decided is published; a decision withdrawn has its publication withdrawn (ENF-PUBLISH-*). */
    private Mono<Void> disclose(CaseEvent event, EnforcementCase next) {
        if (event instanceof CaseEvent.PenaltyDecided decided && decided.outcome() == Outcome.PENALTY) {
            return publications.publish(new PublicationService.Decision(decided.caseId(), decided.enterpriseCode(),
                    next.facts().party() == PartyKind.INDIVIDUAL, decided.violation(), decided.legalBasis(),
                    decided.amount(), next.procedure().decisionReason(), decided.decidedOn()));
        }
        if (event instanceof CaseEvent.DecisionWithdrawn withdrawn) {
            return publications.withdraw(withdrawn.caseId(), withdrawn.reason());
        }
        return Mono.empty();
    }

    /** The decision, with the discretion table's result beside it when the request gives the table's inputs. */
    public Mono<EnforcementCase> decide(UUID id, CaseRequests.Decision request, CurrentUser actor) {
        LocalDate today = time.today();
        return transactions.transactional(cases.nextDecisionNumber(today.getYear()).flatMap(count -> {
            String number = rules.decisionNumber(today.getYear(), count);
            return step(id, actor, "decide", Map.of("outcome", request.outcome().name(), "decisionNumber", number,
                    "kinds", request.kinds().toString()), current -> decision(current, request, number, today));
        }));
    }

    private EnforcementCase.Transition decision(EnforcementCase current, CaseRequests.Decision request,
                                                String number, LocalDate today) {
        CaseRequests.Discretion inputs = request.discretion();
        EnforcementCase.Discretion computed = null;
        if (inputs != null) {
            var computation = discretion.compute(new DiscretionCalculator.Input(current.facts().violation(),
                    inputs.options(), inputs.firstMinorCorrected(), inputs.noFault(), inputs.mitigation()), today);
            computed = new EnforcementCase.Discretion(computation.tableVersion(), computation.fine(),
                    inputs.deviationReason());
        }
        return current.decide(request.outcome(), request.fine(), request.kinds(), number, request.reason(), today,
                rules, computed);
    }

    /**
     * ENF-CASE-SIMPLE-PROCEDURE: a penalty decided on the spot by the inspector pair, the signed-in inspector one of
     * them; filed and decided in one transaction with both events and its record.
     */
    public Mono<EnforcementCase> decideOnTheSpot(CaseRequests.SimpleCase request, CurrentUser actor) {
        if (!request.inspectors().contains(actor.username())) {
            return Mono.error(new DomainException.Forbidden("a penalty on the spot is decided by the inspectors"
                    + " present: name yourself among them"));
        }
        LocalDate today = time.today();
        CaseFacts facts = new CaseFacts(null, request.enterpriseCode(), request.party(), request.violation(),
                request.legalBasis(), request.veto(), today, request.violationEndedOn(), false, false);
        return transactions.transactional(cases.nextDecisionNumber(today.getYear()).flatMap(count -> {
            var decided = EnforcementCase.decideOnTheSpot(UUID.randomUUID(), facts, request.inspectors(),
                    request.fine(), request.reason(), today, rules.decisionNumber(today.getYear(), count), rules);
            EnforcementCase created = decided.next();
            return cases.insert(created, time.now())
                    .then(publish(decided))
                    .then(audit.record(actor.username(), "decide-on-the-spot", AUDIT_TYPE, created.id().toString(),
                            Map.of("fine", request.fine(), "decisionNumber", created.procedure().decisionNumber(),
                                    "inspectors", request.inspectors().toString())))
                    .thenReturn(created);
        }));
    }

    /** ENF-RECORD-VERIFY: the case's record re-checked against its chain and its last published anchor. */
    public Mono<RecordVerification> verifyRecord(UUID id) {
        return load(id).then(Mono.zip(anchors.verify(AUDIT_TYPE, id.toString()),
                        audit.history(AUDIT_TYPE, id.toString()).collectList()))
                .map(checked -> RecordVerification.of(checked.getT1(), checked.getT2()));
    }

    /** A case for its reader: staff see any; an enterprise only its own, and others do not exist for it. */
    public Mono<EnforcementCase> find(UUID id, CurrentUser reader) {
        return load(id).filter(found -> reader.isStaff() || reader.actsFor(found.facts().enterpriseCode()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("case", id.toString())));
    }

    /** Open cases, the nearest deadline first; an enterprise sees its own. */
    public Mono<PageResponse<EnforcementCase>> queue(CurrentUser reader, PageRequest page) {
        String only = reader.isStaff() ? null : reader.enterpriseId();
        if (!reader.isStaff() && only == null) {
            return Mono.error(new DomainException.Forbidden("only staff and the parties see cases"));
        }
        return cases.queue(only, page.offset(), page.size()).collectList().zipWith(cases.countQueue(only))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    public CaseRules rules() {
        return rules;
    }

    public LocalDate today() {
        return time.today();
    }

    private Mono<EnforcementCase> start(UUID clueId, ClueStatus decision, EnforcementCase.Transition started,
                                        CurrentUser actor, String action) {
        EnforcementCase created = started.next();
        return clues.decide(clueId, decision)
                .then(cases.insert(created, time.now()))
                .flatMap(inserted -> inserted ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "clue-decided", "clue " + clueId + " has its case already")))
                .then(publish(started))
                .then(audit.record(actor.username(), action, AUDIT_TYPE, created.id().toString(),
                        Map.of("clue", clueId.toString())))
                .thenReturn(created);
    }

    private static CaseFacts facts(Clue clue, PartyKind party, String violation, String legalBasis, boolean veto,
                                   LocalDate violationEndedOn, boolean harmToLife, boolean major) {
        if (clue.enterpriseCode() == null) {
            throw new DomainException.RuleViolation("party-unknown", "clue", "clue " + clue.id()
                    + " names no enterprise: enter the party's clue with its credit code first");
        }
        return new CaseFacts(clue.id(), clue.enterpriseCode(), party, violation, legalBasis, veto, clue.receivedOn(),
                violationEndedOn, harmToLife, major);
    }

    private Mono<EnforcementCase> load(UUID id) {
        return cases.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("case", id.toString())));
    }
}
