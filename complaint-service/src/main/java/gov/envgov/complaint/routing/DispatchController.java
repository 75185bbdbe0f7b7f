package gov.envgov.complaint.routing;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class DispatchController {

    private final DispatchService dispatch;

    DispatchController(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "Dispatch to a handling unit (转办); without a unit, to the one the routing rules pick",
            responses = {@ApiResponse(responseCode = "200", description = "Dispatched"),
                    @ApiResponse(responseCode = "409", description = "Not waiting for dispatch, or the unit named "
                            + "(or picked) just returned it: choose another unit or set override"),
                    @ApiResponse(responseCode = "422", description = "Not a handling unit")})
    Mono<ComplaintResponse> dispatch(@PathVariable UUID id, @Valid @RequestBody DispatchRequest request,
                                     Authentication authentication) {
        return dispatch.dispatch(id, request.unit(), Boolean.TRUE.equals(request.override()),
                CurrentUser.from(authentication));
    }
}
