package gov.envgov.complaint.sla;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class ExtensionRequestController {

    private final ExtensionRequestService extensions;

    ExtensionRequestController(ExtensionRequestService extensions) {
        this.extensions = extensions;
    }

    @PostMapping("/{id}/extension-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The handling unit asks for more working days, with a reason, before the due date passes",
            responses = {@ApiResponse(responseCode = "201", description = "Asked; waits for an operator"),
                    @ApiResponse(responseCode = "409", description = "Another request waits (named), the "
                            + "complaint was extended already, or it is answered"),
                    @ApiResponse(responseCode = "422", description = "Too late, or more days than the ceilings "
                            + "allow (the most is named)")})
    Mono<ExtensionRequestResponse> ask(@PathVariable UUID id, @Valid @RequestBody ExtensionRequests.Ask request,
                                       Authentication authentication) {
        return extensions.request(id, request.workingDays(), request.reason(), CurrentUser.from(authentication));
    }

    @GetMapping("/{id}/extension-requests")
    @Operation(summary = "The extension requests of one complaint and their decisions, oldest first")
    Mono<PageResponse<ExtensionRequestResponse>> ofComplaint(@PathVariable UUID id, @Valid PageRequest page,
                                                             Authentication authentication) {
        return extensions.ofComplaint(id, CurrentUser.from(authentication), page);
    }

    @GetMapping("/extension-requests")
    @Operation(summary = "Extension requests in one state (default: waiting for a decision), the earliest due "
            + "complaint first (operators)")
    Mono<PageResponse<ExtensionRequestResponse>> queue(@RequestParam(required = false) @Nullable ExtensionStatus status,
                                                       @Valid PageRequest page) {
        return extensions.withStatus(status == null ? ExtensionStatus.PENDING : status, page);
    }

    @PostMapping("/{id}/extension-requests/{requestId}/approve")
    @Operation(summary = "Approve the days asked for, or fewer: the due date moves by them and the reason is told "
            + "to the complainant",
            responses = {@ApiResponse(responseCode = "200", description = "Approved"),
                    @ApiResponse(responseCode = "409", description = "Decided already (the decision is named)"),
                    @ApiResponse(responseCode = "422", description = "Past the due date, or days out of range")})
    Mono<ExtensionRequestResponse> approve(@PathVariable UUID id, @PathVariable UUID requestId,
                                           @Valid @RequestBody ExtensionRequests.Approve request,
                                           Authentication authentication) {
        return extensions.approve(id, requestId, request.workingDays(), request.note(),
                CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/extension-requests/{requestId}/refuse")
    @Operation(summary = "Refuse the request with a note; the due date stays",
            responses = {@ApiResponse(responseCode = "200", description = "Refused"),
                    @ApiResponse(responseCode = "409", description = "Decided already (the decision is named)")})
    Mono<ExtensionRequestResponse> refuse(@PathVariable UUID id, @PathVariable UUID requestId,
                                          @Valid @RequestBody ExtensionRequests.Refuse request,
                                          Authentication authentication) {
        return extensions.refuse(id, requestId, request.note(), CurrentUser.from(authentication));
    }
}
