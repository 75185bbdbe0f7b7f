package gov.envgov.enforcement.pool;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the inspection pool for staff; the pool itself is written only by the enterprise feed. */
@Service
public class PoolService {

    private final PoolRepository pool;

    PoolService(PoolRepository pool) {
        this.pool = pool;
    }

    public Mono<PoolEntity> find(String code) {
        return pool.find(code).switchIfEmpty(Mono.error(new DomainException.NotFound("pool entity", code)));
    }

    /** One page of the units of a district and/or management class (either may be null), ordered by code. */
    public Mono<PageResponse<PoolEntity>> list(String district, String managementClass, PageRequest page) {
        return pool.list(district, managementClass, page.offset(), page.size()).collectList()
                .zipWith(pool.count(district, managementClass))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** The units a draw's scope covers, in canonical order (by code), with what their weights need. */
    public Flux<PoolMember> members(String district, String managementClass) {
        return pool.members(district, managementClass);
    }

    /** The inspectors of each unit's last inspection; a unit never inspected has none. */
    public Mono<Map<String, Set<UUID>>> lastInspectors(Collection<String> codes) {
        return pool.lastInspectors(codes).collectMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue()));
    }

    /** The district of a unit in the pool, or nothing for a unit the pool does not know (yet). */
    public Mono<String> districtOf(String code) {
        return pool.find(code).map(PoolEntity::district);
    }
}
