package gov.envgov.permit.lifecycle;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitResponse;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** A permit's life after issue, and permits moved in from elsewhere. */
@RestController
@RequestMapping("/api/permits")
@Tag(name = "Permits", description = "Pollutant discharge permits (排污许可证): application, review, life after issue")
class LifecycleController {

    private final LifecycleService lifecycle;
    private final PermitImportService imports;
    private final BureauTime time;

    LifecycleController(LifecycleService lifecycle, PermitImportService imports, BureauTime time) {
        this.lifecycle = lifecycle;
        this.imports = imports;
        this.time = time;
    }

    @PostMapping("/import")
    @Operation(summary = "Move in permits issued before this system; holders with a permit here are skipped (admin)")
    Mono<LifecycleRequests.ImportResult> importAll(@Valid @RequestBody LifecycleRequests.ImportPermits request,
                                                   Authentication authentication) {
        return imports.importAll(request, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/renewal")
    @Operation(summary = "Apply for renewal inside the renewal window (the holder); returns the renewal application")
    @ApiResponse(responseCode = "201", description = "Applied; Location names the renewal application",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PermitResponse.class)))
    Mono<ResponseEntity<PermitResponse>> renew(@PathVariable UUID id,
                                               @Valid @RequestBody(required = false) LifecycleRequests.Renew request,
                                               Authentication authentication) {
        return lifecycle.renew(id, request, CurrentUser.from(authentication))
                .map(permit -> ResponseEntity.created(URI.create("/api/permits/" + permit.id())).body(view(permit)));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "撤销 / 吊销 / 注销 with reason and legal basis (admin)")
    Mono<PermitResponse> end(@PathVariable UUID id, @Valid @RequestBody LifecycleRequests.EndPermit request,
                             Authentication authentication) {
        return lifecycle.end(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    private PermitResponse view(Permit permit) {
        return PermitResponse.from(permit, time.today());
    }
}
