package gov.envgov.enforcement.pool;

import java.time.LocalDate;
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

    /** One unit with its credit grade, positive-list status and last inspection, for staff. */
    public Mono<PoolUnit> unit(String code) {
        return pool.unit(code).switchIfEmpty(Mono.error(new DomainException.NotFound("pool entity", code)));
    }

    /** One page of the units of a district and/or management class (either may be null), ordered by code. */
    public Mono<PageResponse<PoolUnit>> list(String district, String managementClass, PageRequest page) {
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

    /** Whether a unit is on the positive list (正面清单) now. */
    public Mono<Boolean> onPositiveList(String code) {
        return pool.onPositiveList(code);
    }

    /** The units of these codes that the pool knows, by code. */
    public Mono<Map<String, PoolEntity>> findAll(Collection<String> codes) {
        return codes.isEmpty() ? Mono.just(Map.of())
                : pool.findAll(codes).collectMap(PoolEntity::code, entity -> entity);
    }

    /** ENF-ASSIGN-ROTATION's input: the day and the inspectors of a unit's last inspection. */
    public Mono<Void> recordInspection(String code, LocalDate on, Collection<UUID> inspectors) {
        return pool.recordInspection(code, on, inspectors);
    }

    /** The positive list's decision for a unit, which the draw weights read. */
    public Mono<Void> markPositiveList(String code, boolean listed) {
        return pool.markPositiveList(code, listed);
    }

    /** The district of a unit in the pool, or nothing for a unit the pool does not know (yet). */
    public Mono<String> districtOf(String code) {
        return pool.find(code).map(PoolEntity::district);
    }
}
