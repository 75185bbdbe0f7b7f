package gov.envgov.complaint.duplicate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintRepository;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Duplicate proposals for operators, and linking a confirmed duplicate to its master. */
@Service
public class DuplicateService {

    private final ComplaintStore store;
    private final ComplaintRepository complaints;
    private final ComplaintProperties.Duplicates rules;
    private final DuplicateFinder finder;
    private final BureauTime time;

    DuplicateService(ComplaintStore store, ComplaintRepository complaints, ComplaintProperties properties,
                     BureauTime time) {
        this.store = store;
        this.complaints = complaints;
        this.rules = properties.duplicates();
        this.finder = new DuplicateFinder(rules);
        this.time = time;
    }

    /**
     * Open complaints that may report the same facts as this one, most similar first. Every open complaint filed
     * in the window is compared, a page at a time.
     */
    public Flux<DuplicateCandidate> candidates(UUID id, CurrentUser operator) {
        return store.visibleTo(id, operator)
                .flatMap(complaint -> candidates(complaint, complaint.registeredAt().minus(rules.window()), null))
                .flatMapIterable(found -> found)
                .map(candidate -> new DuplicateCandidate(candidate.master().id(), candidate.master().trackingCode(),
                        candidate.master().status(), Math.round(candidate.similarity() * 1000) / 1000.0,
                        candidate.distanceMeters() == null ? null : (double) Math.round(candidate.distanceMeters())));
    }

    private Mono<List<DuplicateFinder.Candidate>> candidates(Complaint complaint, Instant since,
                                                             @Nullable Complaint after) {
        return complaints.recentOpen(since, after, rules.pageSize()).collectList().flatMap(page -> {
            List<DuplicateFinder.Candidate> found = finder.candidates(complaint, page);
            if (page.size() < rules.pageSize()) {
                return Mono.just(found);
            }
            return candidates(complaint, since, page.get(page.size() - 1)).map(rest -> finder.merge(found, rest));
        });
    }

    /** The operator confirms a duplicate: it is linked to the master and answered with it. */
    public Mono<ComplaintResponse> link(UUID id, UUID masterId, CurrentUser operator) {
        return store.visibleTo(masterId, operator).flatMap(master -> store.transition(id, operator, "link",
                complaint -> Step.of(complaint.linkTo(master, time.now()), Map.of("master", masterId.toString()))));
    }
}
