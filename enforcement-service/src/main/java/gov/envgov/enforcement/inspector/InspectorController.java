package gov.envgov.enforcement.inspector;

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
@RequestMapping("/api/enforcement/inspectors")
@Tag(name = "Inspector pool", description = "Credentialed inspectors and their declared relations (回避)")
class InspectorController {

    private final InspectorService inspectors;

    InspectorController(InspectorService inspectors) {
        this.inspectors = inspectors;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol a credentialed inspector (admin)")
    Mono<InspectorResponse> enrol(@Valid @RequestBody InspectorRequests.Enrol request,
                                  Authentication authentication) {
        return inspectors.enrol(request, CurrentUser.from(authentication)).map(InspectorResponse::from);
    }

    @PostMapping("/{id}/relations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare a relation or interest with an enterprise (the inspector themself, or admin)")
    Mono<Relation> declare(@PathVariable UUID id, @Valid @RequestBody InspectorRequests.Declare request,
                           Authentication authentication) {
        return inspectors.declare(id, request, CurrentUser.from(authentication));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One inspector of the pool")
    Mono<InspectorResponse> find(@PathVariable UUID id) {
        return inspectors.find(id).map(InspectorResponse::from);
    }

    @GetMapping
    @Operation(summary = "The inspector pool, by name")
    Mono<PageResponse<InspectorResponse>> list(@Valid PageRequest page) {
        return inspectors.list(page).map(result -> result.map(InspectorResponse::from));
    }
}
