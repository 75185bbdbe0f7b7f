package gov.envgov.credit.rectification;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.Choices;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Rectification reports", description = "Quarterly reports owed by warning and worse grades")
class RectificationController {

    private final RectificationService rectifications;

    RectificationController(RectificationService rectifications) {
        this.rectifications = rectifications;
    }

    @GetMapping("/api/credit/my/rectifications")
    @Operation(summary = "The enterprise's own rectification reports, the latest quarter first")
    Mono<List<RectificationReport>> mine(Authentication authentication) {
        return rectifications.ofSubject(CurrentUser.from(authentication).ownEnterprise()).collectList();
    }

    @PostMapping("/api/credit/my/rectifications/{id}")
    @Operation(summary = "CRD-RECTIFICATION-QUARTERLY: file (or file again after a return) a quarter's report")
    Mono<RectificationReport> file(@PathVariable UUID id, @Valid @RequestBody RectificationRequests.File request,
                                   Authentication authentication) {
        // Refused before the body is read when the token names no enterprise.
        CurrentUser.from(authentication).ownEnterprise();
        return rectifications.file(id, request, CurrentUser.from(authentication));
    }

    @GetMapping("/api/credit/rectifications")
    @Operation(summary = "Reports in the given states (default: all), overdue first, then by due day")
    Mono<PageResponse<RectificationReport>> search(@RequestParam(required = false) Set<RectificationStatus> status,
                                                   @Valid PageRequest page) {
        return rectifications.search(Choices.orAll(status, RectificationStatus.class), page);
    }

    @GetMapping("/api/credit/rectifications/{id}")
    @Operation(summary = "One report")
    Mono<RectificationReport> find(@PathVariable UUID id, Authentication authentication) {
        return rectifications.find(id, CurrentUser.from(authentication));
    }

    @PostMapping("/api/credit/rectifications/{id}/review")
    @Operation(summary = "CRD-RECTIFICATION-REVIEW: accept a filed report, or return it with a note")
    Mono<RectificationReport> review(@PathVariable UUID id, @Valid @RequestBody RectificationRequests.Review request,
                                     Authentication authentication) {
        return rectifications.review(id, request, CurrentUser.from(authentication));
    }
}
