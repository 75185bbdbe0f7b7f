package gov.envgov.permit.permit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import gov.envgov.permit.permit.Permit.Transition;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores what the permit's use cases decide, inside the caller's transaction: the permit's next state with the event
 * it caused and its audit record, the limits readings are checked against, and what follows in other features
 * ({@link PermitObligations}). The one place a permit is written, so every use case stores alike.
 */
@Component
public class PermitStore {

    /** The audit chain's object type for permits. */
    public static final String AUDIT_TYPE = "permit";

    private final PermitRepository permits;
    private final List<PermitObligations> obligations;
    private final Outbox outbox;
    private final AuditTrail audit;

    PermitStore(PermitRepository permits, List<PermitObligations> obligations, Outbox outbox, AuditTrail audit) {
        this.permits = permits;
        this.obligations = obligations;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** A new application; it publishes nothing until it is submitted. */
    public Mono<Void> insert(Permit draft) {
        return permits.insert(draft);
    }

    /** A change that publishes nothing (an application edited), with its audit record. */
    public Mono<Permit> store(Permit next, String actor, String action, Map<String, ?> details) {
        return update(next).then(audit(actor, action, next.id(), details)).thenReturn(next);
    }

    /** Stores a transition with its event and audit record. */
    public Mono<Permit> record(Transition transition, String actor, String action, Map<String, ?> details) {
        return record(transition, actor, action, details, null);
    }

    /**
     * Stores a transition with its event and audit record. {@code limitsUntil}, when given, (re)writes the limits
     * readings are checked against and tells the other features about the permit's obligations.
     */
    public Mono<Permit> record(Transition transition, String actor, String action, Map<String, ?> details,
                               @Nullable LocalDate limitsUntil) {
        Permit next = transition.permit();
        Mono<Void> limits = limitsUntil == null ? Mono.empty() : permits.syncLimits(next, limitsUntil);
        Mono<Void> follow = Mono.empty();
        if (transition.event() instanceof PermitEvent.PermitIssued) {
            follow = Flux.fromIterable(obligations).concatMap(o -> o.permitIssued(next)).then();
        } else if (limitsUntil != null && PermitStatus.ENDED_EARLY.contains(next.status())) {
            follow = Flux.fromIterable(obligations).concatMap(o -> o.permitEnded(next, limitsUntil)).then();
        }
        return update(next)
                .then(limits)
                .then(follow)
                .then(outbox.append(transition.event()))
                .then(audit(actor, action, next.id(), details))
                .thenReturn(next);
    }

    /**
     * A permit issued elsewhere, stored as it stands with its limits, the reports it owes from {@code reportsFrom},
     * its event and audit record.
     */
    public Mono<Permit> recordImported(Transition imported, LocalDate reportsFrom, String actor,
                                       Map<String, ?> details) {
        Permit permit = imported.permit();
        return permits.insert(permit)
                .then(permits.syncLimits(permit, permit.validity().validTo()))
                .then(Flux.fromIterable(obligations).concatMap(o -> o.permitImported(permit, reportsFrom)).then())
                .then(outbox.append(imported.event()))
                .then(audit(actor, "import", permit.id(), details))
                .thenReturn(permit);
    }

    /** Publishes an event about a permit that leaves the permit as it is (a change request, say), and audits it. */
    public Mono<Void> publish(OnPermitStream event, String actor, String action, Map<String, ?> details) {
        return outbox.append(event).then(audit(actor, action, event.permitId(), details));
    }

    /** An audit record of something done to a permit. */
    public Mono<Void> audit(String actor, String action, UUID permitId, Map<String, ?> details) {
        return audit.record(actor, action, AUDIT_TYPE, permitId.toString(), details);
    }

    private Mono<Void> update(Permit next) {
        return permits.update(next).flatMap(updated -> updated ? Mono.<Void>empty()
                : Mono.error(new DomainException.Conflict("stale-version",
                        "permit " + next.id() + " was changed by someone else; reload it and try again")));
    }
}
