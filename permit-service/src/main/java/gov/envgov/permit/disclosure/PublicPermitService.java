package gov.envgov.permit.disclosure;

import java.util.UUID;

import org.springframework.stereotype.Service;

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

    PublicPermitService(PublicPermitRepository directory, PermitRepository permits) {
        this.directory = directory;
        this.permits = permits;
    }

    public Mono<PageResponse<Permit>> search(PublicPermitQuery query, PageRequest page) {
        return directory.search(query, page.offset(), page.size())
                .flatMap(ids -> permits.findAll(ids).collectList())
                .zipWith(directory.count(query))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** One permit as the public may see it: issued ones only. */
    public Mono<Permit> find(UUID id) {
        return permits.find(id)
                .filter(permit -> permit.validity().number() != null)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("permit", id.toString())));
    }
}
