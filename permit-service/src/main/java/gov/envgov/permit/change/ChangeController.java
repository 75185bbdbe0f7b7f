package gov.envgov.permit.change;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

/** Administrative changes of issued permits. */
@RestController
@RequestMapping("/api/permits/{id}")
@Tag(name = "Permits", description = "Pollutant discharge permits (排污许可证): application, review, life after issue")
class ChangeController {

    private final ChangeService service;
    private final BureauTime time;

    ChangeController(ChangeService service, BureauTime time) {
        this.service = service;
        this.time = time;
    }

    @PutMapping("/change")
    @Operation(summary = "Administrative change of an issued permit, made by a reviewer (a holder applies with "
            + "change-request); more outlets, pollutants or higher limits are refused: they need a new application")
    Mono<PermitResponse> change(@PathVariable UUID id, @Valid @RequestBody ChangeRequests.ChangePermit request,
                                Authentication authentication) {
        return service.change(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/change-request")
    @Operation(summary = "Apply for an administrative change (the holder); more outlets, pollutants or higher limits "
            + "are refused at once, the rest waits for a reviewer")
    @ApiResponse(responseCode = "201", description = "Applied; Location names the pending change", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ChangeRequestResponse.class)))
    Mono<ResponseEntity<ChangeRequestResponse>> requestChange(@PathVariable UUID id,
            @Valid @RequestBody ChangeRequests.ChangePermit request, Authentication authentication) {
        return service.requestChange(id, request, CurrentUser.from(authentication))
                .map(change -> ResponseEntity.created(URI.create("/api/permits/" + id + "/change-request"))
                        .body(ChangeRequestResponse.from(change)));
    }

    @GetMapping("/change-request")
    @Operation(summary = "The change waiting for a decision"
            + " (reviewers, inspectors, legal and credit staff, admin, or the holder)")
    Mono<ChangeRequestResponse> pendingChange(@PathVariable UUID id, Authentication authentication) {
        return service.pendingChange(id, CurrentUser.from(authentication)).map(ChangeRequestResponse::from);
    }

    @PostMapping("/change-request/approve")
    @Operation(summary = "Approve the pending change; it applies at once (permit_reviewer)")
    Mono<PermitResponse> approveChange(@PathVariable UUID id, Authentication authentication) {
        return service.approveChange(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/change-request/reject")
    @Operation(summary = "Reject the pending change with a reason (permit_reviewer)")
    Mono<PermitResponse> rejectChange(@PathVariable UUID id, @Valid @RequestBody ChangeRequests.Reject request,
                                      Authentication authentication) {
        return service.rejectChange(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    private PermitResponse view(Permit permit) {
        return PermitResponse.from(permit, time.today());
    }
}
