package gov.envgov.complaint.complaint;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.enterprise.EnterpriseDirectory;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How every feature changes a complaint: load it if the caller may see it, let the aggregate decide, and store the
 * next state (conditional on the version it came from) with its events and audit record in one transaction. The
 * one place a complaint is written after registration, so every use case stores alike.
 */
@Component
public class ComplaintStore {

    /** The audit chain's object type for complaints. */
    public static final String AUDIT_TYPE = "complaint";

    private final ComplaintRepository complaints;
    private final EnterpriseDirectory enterprises;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final ComplaintProperties rules;

    ComplaintStore(ComplaintRepository complaints, EnterpriseDirectory enterprises, Outbox outbox, AuditTrail audit,
                   TransactionalOperator transactions, BureauTime time, ComplaintProperties rules) {
        this.complaints = complaints;
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
        this.rules = rules;
    }

    /** One workflow step: the next state, the events it publishes (possibly none), and its audit details. */
    public record Step(Complaint next, List<ComplaintEvent> events, Map<String, ?> details) {

        public static Step of(Complaint.Transition<?> transition, Map<String, ?> details) {
            return new Step(transition.complaint(), transition.events(), details);
        }

        /** A change that publishes nothing. */
        public static Step unpublished(Complaint next, Map<String, ?> details) {
            return new Step(next, List.of(), details);
        }
    }

    /** The complaint if this reader may see it, else not found. */
    public Mono<Complaint> visibleTo(UUID id, CurrentUser reader) {
        return complaints.find(id)
                .filter(complaint -> ComplaintAccess.mayRead(complaint, reader))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", id.toString())));
    }

    public Mono<ComplaintResponse> transition(UUID id, CurrentUser actor, String action,
                                              Function<Complaint, Step> decide) {
        return transition(id, actor, action, decide, next -> Mono.empty());
    }

    /** Runs one step, then {@code after} with the new state, all in one transaction. */
    public Mono<ComplaintResponse> transition(UUID id, CurrentUser actor, String action,
                                              Function<Complaint, Step> decide,
                                              Function<Complaint, Mono<Void>> after) {
        return transactions.transactional(visibleTo(id, actor)
                        .flatMap(complaint -> record(decide.apply(complaint), actor.username(), action))
                        .flatMap(next -> after.apply(next).thenReturn(next)))
                .flatMap(this::view);
    }

    /**
     * Runs one step for a caller who proved their right to it otherwise than by an account (the anonymous filer's
     * tracking secret, checked by intake): {@code actor} names them in the audit record.
     */
    public Mono<ComplaintResponse> transitionAs(UUID id, String actor, String action,
                                                Function<Complaint, Step> decide) {
        return transactions.transactional(complaints.find(id)
                        .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", id.toString())))
                        .flatMap(complaint -> record(decide.apply(complaint), actor, action)))
                .flatMap(this::view);
    }

    /** Stores a step inside the caller's transaction; a complaint changed meanwhile is a conflict. */
    public Mono<Complaint> record(Step step, String actor, String action) {
        Complaint next = step.next();
        return recordIfUnchanged(step, actor, action)
                .flatMap(stored -> stored ? Mono.just(next)
                        : Mono.error(new DomainException.Conflict("stale-version", "complaint "
                                + next.trackingCode() + " was changed meanwhile; reload it")));
    }

    /**
     * Stores a step inside the caller's transaction unless the complaint changed since it was read: then nothing is
     * written and the answer is false.
     */
    public Mono<Boolean> recordIfUnchanged(Step step, String actor, String action) {
        Complaint next = step.next();
        return complaints.update(next)
                .flatMap(updated -> !updated ? Mono.just(false)
                        : Flux.fromIterable(step.events()).concatMap(outbox::append)
                        .then(audit.record(actor, action, AUDIT_TYPE, next.id().toString(), step.details()))
                        .thenReturn(true));
    }

    public Mono<ComplaintResponse> view(Complaint complaint) {
        return view(complaint, null);
    }

    /** The responses of a page of complaints, with the names of the enterprises they name read at once. */
    public Mono<List<ComplaintResponse>> views(List<Complaint> page) {
        var today = time.today();
        List<String> codes = page.stream().map(Complaint::enterpriseCode).filter(Objects::nonNull).toList();
        return enterprises.findAll(codes).map(known -> page.stream()
                .map(complaint -> ComplaintResponse.from(complaint,
                        complaint.enterpriseCode() == null ? null : known.get(complaint.enterpriseCode()), today,
                        null, complaint.dispatchBy(rules.emergencyDispatch())))
                .toList());
    }

    /** The response with the enterprise's registered name and the complainant as this reader may see them. */
    public Mono<ComplaintResponse> view(Complaint complaint, @Nullable Complainant complainant) {
        var today = time.today();
        var dispatchBy = complaint.dispatchBy(rules.emergencyDispatch());
        String enterpriseCode = complaint.enterpriseCode();
        if (enterpriseCode == null) {
            return Mono.just(ComplaintResponse.from(complaint, null, today, complainant, dispatchBy));
        }
        return enterprises.find(enterpriseCode)
                .map(known -> ComplaintResponse.from(complaint, known, today, complainant, dispatchBy))
                .defaultIfEmpty(ComplaintResponse.from(complaint, null, today, complainant, dispatchBy));
    }
}
