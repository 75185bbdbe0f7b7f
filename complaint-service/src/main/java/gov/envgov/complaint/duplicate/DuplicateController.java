package gov.envgov.complaint.duplicate;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class DuplicateController {

    private final DuplicateService duplicates;

    DuplicateController(DuplicateService duplicates) {
        this.duplicates = duplicates;
    }

    @GetMapping("/{id}/duplicates")
    @Operation(summary = "Open complaints that may report the same facts (distance, time, category or enterprise, "
            + "text), for the operator to confirm")
    Flux<DuplicateCandidate> duplicates(@PathVariable UUID id, Authentication authentication) {
        return duplicates.candidates(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/duplicate-of")
    @Operation(summary = "Confirm a duplicate: link it to its master; it is answered when the master is")
    Mono<ComplaintResponse> linkDuplicate(@PathVariable UUID id, @Valid @RequestBody LinkDuplicateRequest request,
                                          Authentication authentication) {
        return duplicates.link(id, request.masterId(), CurrentUser.from(authentication));
    }
}
