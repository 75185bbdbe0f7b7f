package gov.envgov.complaint.intake;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping
    @Operation(summary = "File a complaint (citizen, or a hotline operator for a caller)")
    @ApiResponse(responseCode = "201", description = "Filed; Location names the complaint", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ComplaintResponse.class)))
    Mono<ResponseEntity<ComplaintResponse>> file(@Valid @RequestBody FileComplaintRequest request,
                                                 Authentication authentication) {
        return intake.file(request, CurrentUser.from(authentication))
                .map(complaint -> ResponseEntity.created(URI.create("/api/complaints/" + complaint.id()))
                        .body(complaint));
    }
}
