package gov.envgov.enforcement.draw;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/inspections/draws")
@Tag(name = "Public: inspection draws", description = "Plan and result announcements; verify any published draw")
class PublicDrawController {

    private final DrawService draws;

    PublicDrawController(DrawService draws) {
        this.draws = draws;
    }

    @GetMapping
    @Operation(summary = "Announced plans and published results, newest first (no names before the results)")
    Mono<PageResponse<DrawResponse>> list(@Valid PageRequest page) {
        return draws.list(page).map(result -> result.map(DrawResponse::forPublic));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan or result announcement")
    Mono<DrawResponse> find(@PathVariable UUID id) {
        return draws.find(id).map(DrawResponse::forPublic);
    }

    @GetMapping("/{id}/verification")
    @Operation(summary = "Everything needed to re-run a published draw (DRAW-ALGORITHM.md); 409 before the results")
    Mono<DrawVerification> verification(@PathVariable UUID id) {
        return draws.verification(id);
    }
}
