package gov.envgov.complaint.open311;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** Staff mark whether a complaint's reply text may appear in the public Open311 feed. */
@RestController
@RequestMapping("/api/complaints/{id}/publication")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class PublicationController {

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    /** {@code replyPublic}: the reply text may be shown in the public feed (scrubbed of personal data). */
    record MarkReply(@NotNull Boolean replyPublic) {
    }

    @PutMapping("/reply")
    @Operation(summary = "Mark the reply public or not (hotline operator or admin); only a complaint whose filer "
            + "agreed to the public feed can be marked")
    @ApiResponse(responseCode = "204", description = "Marked")
    @ApiResponse(responseCode = "403", description = "Not a hotline operator or an admin (problem)")
    @ApiResponse(responseCode = "422", description = "not-published: the filer did not agree to the feed (problem)")
    Mono<ResponseEntity<Void>> markReply(@PathVariable UUID id, @Valid @RequestBody MarkReply request,
                                         Authentication authentication) {
        return publications.markReply(id, request.replyPublic(), CurrentUser.from(authentication))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
