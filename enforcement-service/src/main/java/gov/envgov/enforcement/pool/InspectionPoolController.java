package gov.envgov.enforcement.pool;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enforcement/pool")
@Tag(name = "Inspection pool", description = "Entities the double-random draws pick from")
class InspectionPoolController {

    private final PoolService pool;

    InspectionPoolController(PoolService pool) {
        this.pool = pool;
    }

    @GetMapping("/{code}")
    @Operation(summary = "One unit of the inspection pool")
    Mono<PoolUnit> find(@PathVariable @CreditCode String code) {
        return pool.unit(code);
    }

    @GetMapping
    @Operation(summary = "The inspection pool, by district and management class")
    Mono<PageResponse<PoolUnit>> list(@RequestParam(required = false) String district,
                                        @RequestParam(required = false) String managementClass,
                                        @Valid PageRequest page) {
        return pool.list(district, managementClass, page);
    }
}
