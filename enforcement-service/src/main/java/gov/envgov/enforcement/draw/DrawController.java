package gov.envgov.enforcement.draw;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enforcement/draws")
@Tag(name = "Double-random draws", description = "Plans, verifiable draws and their results (双随机、一公开)")
class DrawController {

    private final DrawService draws;

    DrawController(DrawService draws) {
        this.draws = draws;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Announce a plan; the seed's SHA-256 is published with it (inspectors, admin)")
    Mono<DrawResponse> announce(@Valid @RequestBody DrawRequests.AnnounceDraw request,
                                Authentication authentication) {
        return draws.announce(request.plan(), CurrentUser.from(authentication)).map(DrawResponse::forStaff);
    }

    @PostMapping("/{id}/draw")
    @Operation(summary = "Draw, once, on a snapshot of the pool in scope taken now (inspectors, admin)")
    Mono<DrawResponse> perform(@PathVariable UUID id, Authentication authentication) {
        return draws.perform(id, CurrentUser.from(authentication)).map(DrawResponse::forStaff);
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "Announce the results: the seed is revealed and the draw can be verified (inspectors, admin)")
    Mono<DrawResponse> publish(@PathVariable UUID id, Authentication authentication) {
        return draws.publish(id, CurrentUser.from(authentication)).map(DrawResponse::forStaff);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One draw with its drawn list (confidential until the inspection)")
    Mono<DrawResponse> find(@PathVariable UUID id) {
        return draws.find(id).map(DrawResponse::forStaff);
    }

    @GetMapping
    @Operation(summary = "Draws, newest first")
    Mono<PageResponse<DrawResponse>> list(@Valid PageRequest page) {
        return draws.list(page).map(result -> result.map(DrawResponse::forStaff));
    }
}
