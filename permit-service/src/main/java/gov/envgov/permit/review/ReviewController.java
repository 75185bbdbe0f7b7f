package gov.envgov.permit.review;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitResponse;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** An application's way from draft to decision: the applicant's steps and the reviewer's. */
@RestController
@RequestMapping("/api/permits")
@Tag(name = "Permits", description = "Pollutant discharge permits (排污许可证): application, review, life after issue")
class ReviewController {

    private final ApplicationService applications;
    private final ReviewService reviews;
    private final BureauTime time;

    ReviewController(ApplicationService applications, ReviewService reviews, BureauTime time) {
        this.applications = applications;
        this.reviews = reviews;
        this.time = time;
    }

    @PostMapping
    @Operation(summary = "Apply for a permit for your own enterprise (enterprise); the application starts as a draft")
    @ApiResponse(responseCode = "201", description = "Applied; Location names the application", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = PermitResponse.class)))
    Mono<ResponseEntity<PermitResponse>> apply(@Valid @RequestBody ReviewRequests.ApplyForPermit request,
                                               Authentication authentication) {
        return applications.apply(request, CurrentUser.from(authentication))
                .map(permit -> ResponseEntity.created(URI.create("/api/permits/" + permit.id())).body(view(permit)));
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Applications awaiting a decision, earliest deadline (so overdue) first (permit_reviewer)")
    Mono<PageResponse<PermitResponse>> reviewQueue(@RequestParam(required = false) String district,
                                                   @Valid PageRequest page) {
        return reviews.reviewQueue(district, page).map(result -> PermitResponse.page(result, time.today()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a draft or an application sent back for a supplement (the applicant)")
    Mono<PermitResponse> edit(@PathVariable UUID id, @Valid @RequestBody ReviewRequests.EditApplication request,
                              Authentication authentication) {
        return applications.edit(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit an application for review (the applicant)")
    Mono<PermitResponse> submit(@PathVariable UUID id, Authentication authentication) {
        return applications.submit(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/supplement-request")
    @Operation(summary = "Ask for missing material, within the completeness period (permit_reviewer)")
    Mono<PermitResponse> requestSupplement(@PathVariable UUID id,
                                           @Valid @RequestBody ReviewRequests.RequestSupplement request,
                                           Authentication authentication) {
        return reviews.requestSupplement(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a complete application; the decision clock starts (permit_reviewer)")
    Mono<PermitResponse> accept(@PathVariable UUID id, Authentication authentication) {
        return reviews.accept(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/site-check")
    @Operation(summary = "Schedule a site check; the decision period becomes the longer one (permit_reviewer)")
    Mono<PermitResponse> siteCheck(@PathVariable UUID id, Authentication authentication) {
        return reviews.scheduleSiteCheck(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue the permit: number and validity (permit_reviewer)")
    Mono<PermitResponse> issue(@PathVariable UUID id,
                               @Valid @RequestBody(required = false) ReviewRequests.Issue request,
                               Authentication authentication) {
        return reviews.issue(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject the application with reasons (permit_reviewer)")
    Mono<PermitResponse> reject(@PathVariable UUID id, @Valid @RequestBody ReviewRequests.Reject request,
                                Authentication authentication) {
        return reviews.reject(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    private PermitResponse view(Permit permit) {
        return PermitResponse.from(permit, time.today());
    }
}
