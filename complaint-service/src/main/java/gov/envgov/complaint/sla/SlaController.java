package gov.envgov.complaint.sla;

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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class SlaController {

    private final SlaService sla;

    SlaController(SlaService sla) {
        this.sla = sla;
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Stop the clock while the unit waits on the complainant")
    Mono<ComplaintResponse> pause(@PathVariable UUID id, Authentication authentication) {
        return sla.pause(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Run the clock again; the due date moves by the working days it stood still")
    Mono<ComplaintResponse> resume(@PathVariable UUID id, Authentication authentication) {
        return sla.resume(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Approve an extension before the due date passes; the reason is told to the complainant")
    Mono<ComplaintResponse> extend(@PathVariable UUID id, @Valid @RequestBody ExtendRequest request,
                                   Authentication authentication) {
        return sla.extend(id, request.dueDate(), request.reason(), CurrentUser.from(authentication));
    }
}
