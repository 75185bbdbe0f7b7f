package gov.envgov.complaint.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complainant.ComplainantRepository;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintRepository;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.Outbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Stores registrations by group commit: whatever arrives while earlier groups are being written goes into the next
 * transaction together, so a busy line pays a few statements per group instead of several per complaint. A filer is
 * answered only after the transaction holding the complaint has committed, so nothing answered can be lost. A group
 * that fails is written again one complaint at a time, so a bad registration fails only its own request.
 */
@Component
class RegistrationWriter {

    private static final Logger log = LoggerFactory.getLogger(RegistrationWriter.class);

    private record Waiting(NewComplaint registration, MonoSink<Void> filer) {
    }

    private final ComplaintRepository complaints;
    private final ComplainantRepository complainants;
    private final ComplaintPublications publications;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final FilingProperties properties;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger groupsInFlight = new AtomicInteger();

    RegistrationWriter(ComplaintRepository complaints, ComplainantRepository complainants,
                       ComplaintPublications publications, Outbox outbox, AuditTrail audit,
                       TransactionalOperator transactions, FilingProperties properties) {
        this.complaints = complaints;
        this.complainants = complainants;
        this.publications = publications;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Completes once the registration is committed, with its complaint, identity, event and audit entry. */
    Mono<Void> store(NewComplaint registration) {
        return Mono.create(filer -> {
            waiting.add(new Waiting(registration, filer));
            drain();
        });
    }

    /** Starts groups while there is work waiting and a group may start; every finished group calls this again. */
    private void drain() {
        while (!waiting.isEmpty()) {
            int running = groupsInFlight.get();
            if (running >= properties.groupsInFlight()) {
                return;
            }
            if (!groupsInFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Waiting> group = new ArrayList<>();
            for (Waiting next; group.size() < properties.groupSize() && (next = waiting.poll()) != null; ) {
                group.add(next);
            }
            if (group.isEmpty()) {
                groupsInFlight.decrementAndGet();
                continue;
            }
            write(group)
                    .onErrorResume(failed -> group.size() == 1 ? fail(group.get(0), failed) : oneByOne(group, failed))
                    .doFinally(signal -> {
                        groupsInFlight.decrementAndGet();
                        drain();
                    })
                    .subscribe();
        }
    }

    private Mono<Void> write(List<Waiting> group) {
        List<NewComplaint> registrations = group.stream().map(Waiting::registration).toList();
        // Deferred: a statement that fails while being built must fail the group, not escape drain() and leave its
        // slot taken for ever.
        return Mono.defer(() -> transactions.transactional(complaints.insertAll(registrations.stream()
                                .map(NewComplaint::row).toList())
                        .then(complainants.insertAll(registrations.stream()
                                .flatMap(each -> each.identity().stream()).toList()))
                        .then(publications.insertAll(registrations.stream()
                                .map(each -> new ComplaintPublications.Consent(each.complaint().id(),
                                        each.publicFeedConsent())).toList()))
                        .then(outbox.appendAll(registrations.stream().map(NewComplaint::event).toList()))
                        .then(audit.recordFirst(registrations.stream().map(RegistrationWriter::auditEntry).toList()))))
                .doOnSuccess(done -> group.forEach(each -> each.filer().success()));
    }

    private Mono<Void> oneByOne(List<Waiting> group, Throwable failed) {
        log.warn("A group of {} registrations failed ({}); writing them one by one", group.size(), failed.toString());
        return Flux.fromIterable(group)
                .concatMap(each -> write(List.of(each)).onErrorResume(alone -> fail(each, alone)))
                .then();
    }

    private static Mono<Void> fail(Waiting registration, Throwable failed) {
        registration.filer().error(failed);
        return Mono.empty();
    }

    private static AuditTrail.FirstEntry auditEntry(NewComplaint registration) {
        Complaint complaint = registration.complaint();
        return new AuditTrail.FirstEntry(registration.actor(), "register", ComplaintStore.AUDIT_TYPE,
                complaint.id().toString(),
                Map.of("channel", complaint.channel().name(),
                        "publicFeedConsent", String.valueOf(registration.publicFeedConsent())));
    }
}
