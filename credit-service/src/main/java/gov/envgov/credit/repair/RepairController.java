package gov.envgov.credit.repair;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Credit repair", description = "Applications for credit repair (信用修复) and their review")
class RepairController {

    private final RepairService repairs;

    RepairController(RepairService repairs) {
        this.repairs = repairs;
    }

    @PostMapping("/api/credit/my/repairs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to repair the enterprise's own records or list entry")
    Mono<RepairResponse> apply(@Valid @RequestBody RepairRequests.Apply request, Authentication authentication) {
        return repairs.apply(request, CurrentUser.from(authentication)).map(RepairResponse::from);
    }

    @GetMapping("/api/credit/my/repairs")
    @Operation(summary = "The enterprise's own repair applications")
    Mono<List<RepairResponse>> mine(Authentication authentication) {
        return repairs.history(CurrentUser.from(authentication).ownEnterprise()).map(RepairResponse::from)
                .collectList();
    }

    @GetMapping("/api/credit/my/repairs/{id}")
    @Operation(summary = "One of the enterprise's repair applications; another's does not exist for it")
    Mono<RepairResponse> one(@PathVariable UUID id, Authentication authentication) {
        return repairs.find(id, CurrentUser.from(authentication)).map(RepairResponse::from);
    }

    @GetMapping("/api/credit/repairs")
    @Operation(summary = "Applications waiting for review, the oldest first (credit officers)")
    Mono<PageResponse<RepairResponse>> queue(@Valid PageRequest page) {
        return repairs.queue(page).map(found -> found.map(RepairResponse::from));
    }

    @GetMapping("/api/credit/repairs/history")
    @Operation(summary = "A subject's whole repair history (credit officers)")
    Mono<List<RepairResponse>> history(@RequestParam @CreditCode String subject) {
        return repairs.history(subject).map(RepairResponse::from).collectList();
    }

    @PostMapping("/api/credit/repairs/{id}/review")
    @Operation(summary = "Review an application against the conditions; approved, the result gets a new version")
    Mono<RepairResponse> review(@PathVariable UUID id, @Valid @RequestBody RepairRequests.Review request,
                                Authentication authentication) {
        return repairs.review(id, request, CurrentUser.from(authentication)).map(RepairResponse::from);
    }
}
