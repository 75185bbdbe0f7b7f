package gov.envgov.permit.disclosure;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** Disclosure of issued permits (信息公开): search and one permit's public view, without login. */
@Service
public class PublicPermitService {

    private final PublicPermitRepository directory;
    private final PermitRepository permits;
    private final TransactionalOperator transactions;
    private final ListProperties lists;

    PublicPermitService(PublicPermitRepository directory, PermitRepository permits,
                        TransactionalOperator transactions, ListProperties lists) {
        this.directory = directory;
        this.permits = permits;
        this.transactions = transactions;
        this.lists = lists;
    }

    /**
     * A page of the matching permits in number order, with their total: exact up to the configured cap, estimated
     * beyond it (PERF-PERMIT-SEARCH). With {@code after}, the page starts behind that permit (keyset pagination).
     * The total comes first: it tells the directory whether the matches are few enough to collect and sort. One
     * transaction, so that its statements are planned for their values.
     */
    public Mono<PageResponse<Permit>> search(PublicPermitQuery query, PageRequest page, @Nullable UUID after) {
        return transactions.transactional(directory.customPlans()
                .then(directory.count(query, lists.exactTotalUpTo()))
                .flatMap(total -> directory.search(query, after, total.exact(), page.offset(), page.size())
                        .flatMap(ids -> permits.findAll(ids).collectList())
                        .map(items -> new PageResponse<>(items, page.page(), page.size(), total.value(),
                                total.exact()))));
    }

    /** One permit as the public may see it: issued ones only. */
    public Mono<Permit> find(UUID id) {
        return permits.find(id)
                .filter(permit -> permit.validity().number() != null)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }
}
