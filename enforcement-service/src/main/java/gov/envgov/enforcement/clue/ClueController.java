package gov.envgov.enforcement.clue;

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
@RequestMapping("/api/enforcement/clues")
@Tag(name = "Clues", description = "Leads for enforcement cases from complaints, monitoring, reports and inspectors")
class ClueController {

    private final ClueService clues;

    ClueController(ClueService clues) {
        this.clues = clues;
    }

    @GetMapping
    @Operation(summary = "Open clues, the earliest filing deadline first (overdue ones lead)")
    Mono<PageResponse<ClueResponse>> queue(@Valid PageRequest page) {
        return clues.queue(page).map(result -> result.map(clue -> ClueResponse.from(clue, clues.today())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One clue with where it came from")
    Mono<ClueResponse> find(@PathVariable UUID id) {
        return clues.find(id).map(clue -> ClueResponse.from(clue, clues.today()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a clue found otherwise (inspectors)")
    Mono<ClueResponse> enter(@Valid @RequestBody ClueRequests.Enter request, Authentication authentication) {
        return clues.enter(request, CurrentUser.from(authentication))
                .map(clue -> ClueResponse.from(clue, clues.today()));
    }
}
