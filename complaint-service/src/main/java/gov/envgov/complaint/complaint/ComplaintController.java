package gov.envgov.complaint.complaint;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class ComplaintController {

    private final ComplaintService service;

    ComplaintController(ComplaintService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "File a complaint (citizen, or a hotline operator for a caller)")
    Mono<ResponseEntity<ComplaintResponse>> file(@Valid @RequestBody FileComplaintRequest request,
                                                 Authentication authentication) {
        return service.file(request, CurrentUser.from(authentication))
                .map(complaint -> ResponseEntity.created(URI.create("/api/complaints/" + complaint.id()))
                        .body(complaint));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one complaint: your own, or any if you work the complaint line")
    Mono<ComplaintResponse> find(@PathVariable UUID id, Authentication authentication) {
        return service.find(id, CurrentUser.from(authentication));
    }

    @GetMapping
    @Operation(summary = "List complaints, newest first: your own, or all if you work the complaint line")
    Mono<PageResponse<ComplaintResponse>> list(@Valid PageRequest page, Authentication authentication) {
        return service.list(CurrentUser.from(authentication), page);
    }
}
