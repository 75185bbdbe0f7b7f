package gov.envgov.permit.permit;

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

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/permits")
@Tag(name = "Permits", description = "Pollutant discharge permits (排污许可证): application, review, life after issue")
class PermitController {

    private final PermitService service;

    PermitController(PermitService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Apply for a permit for your own enterprise (enterprise); the application starts as a draft")
    Mono<ResponseEntity<PermitResponse>> apply(@Valid @RequestBody PermitRequests.ApplyForPermit request,
                                               Authentication authentication) {
        return service.apply(request, CurrentUser.from(authentication))
                .map(permit -> ResponseEntity.created(URI.create("/api/permits/" + permit.id())).body(view(permit)));
    }

    @PostMapping("/import")
    @Operation(summary = "Move in permits issued before this system; holders with a permit here are skipped (admin)")
    Mono<PermitRequests.ImportResult> importAll(@Valid @RequestBody PermitRequests.ImportPermits request,
                                                Authentication authentication) {
        return service.importAll(request, CurrentUser.from(authentication));
    }

    @GetMapping
    @Operation(summary = "Permits and applications of one enterprise (staff, or the enterprise itself)")
    Mono<PageResponse<PermitResponse>> forEnterprise(@RequestParam @CreditCode String enterprise,
                                                     @Valid PageRequest page, Authentication authentication) {
        return service.forEnterprise(enterprise, page, CurrentUser.from(authentication)).map(this::views);
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Applications awaiting a decision, earliest deadline (so overdue) first (permit_reviewer)")
    Mono<PageResponse<PermitResponse>> reviewQueue(@RequestParam(required = false) String district,
                                                   @Valid PageRequest page) {
        return service.reviewQueue(district, page).map(this::views);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One permit or application (staff, or its holder)")
    Mono<PermitResponse> find(@PathVariable UUID id, Authentication authentication) {
        return service.find(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a draft or an application sent back for a supplement (the applicant)")
    Mono<PermitResponse> edit(@PathVariable UUID id, @Valid @RequestBody PermitRequests.EditApplication request,
                              Authentication authentication) {
        return service.edit(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit an application for review (the applicant)")
    Mono<PermitResponse> submit(@PathVariable UUID id, Authentication authentication) {
        return service.submit(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/supplement-request")
    @Operation(summary = "Ask for missing material, within the completeness period (permit_reviewer)")
    Mono<PermitResponse> requestSupplement(@PathVariable UUID id,
                                           @Valid @RequestBody PermitRequests.RequestSupplement request,
                                           Authentication authentication) {
        return service.requestSupplement(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a complete application; the decision clock starts (permit_reviewer)")
    Mono<PermitResponse> accept(@PathVariable UUID id, Authentication authentication) {
        return service.accept(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/site-check")
    @Operation(summary = "Schedule a site check; the decision period becomes the longer one (permit_reviewer)")
    Mono<PermitResponse> siteCheck(@PathVariable UUID id, Authentication authentication) {
        return service.scheduleSiteCheck(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue the permit: number and validity (permit_reviewer)")
    Mono<PermitResponse> issue(@PathVariable UUID id, @Valid @RequestBody(required = false) PermitRequests.Issue request,
                               Authentication authentication) {
        return service.issue(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject the application with reasons (permit_reviewer)")
    Mono<PermitResponse> reject(@PathVariable UUID id, @Valid @RequestBody PermitRequests.Reject request,
                                Authentication authentication) {
        return service.reject(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PutMapping("/{id}/change")
    @Operation(summary = "Administrative change of an issued permit, made by a reviewer (a holder applies with "
            + "change-request); more outlets, pollutants or higher limits are refused: they need a new application")
    Mono<PermitResponse> change(@PathVariable UUID id, @Valid @RequestBody PermitRequests.ChangePermit request,
                                Authentication authentication) {
        return service.change(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/change-request")
    @Operation(summary = "Apply for an administrative change (the holder); more outlets, pollutants or higher limits "
            + "are refused at once, the rest waits for a reviewer")
    Mono<ResponseEntity<PermitRequests.ChangeRequest>> requestChange(@PathVariable UUID id,
            @Valid @RequestBody PermitRequests.ChangePermit request, Authentication authentication) {
        return service.requestChange(id, request, CurrentUser.from(authentication))
                .map(change -> ResponseEntity.created(URI.create("/api/permits/" + id + "/change-request"))
                        .body(change));
    }

    @GetMapping("/{id}/change-request")
    @Operation(summary = "The change waiting for a decision (staff, or the holder)")
    Mono<PermitRequests.ChangeRequest> pendingChange(@PathVariable UUID id, Authentication authentication) {
        return service.pendingChange(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/change-request/approve")
    @Operation(summary = "Approve the pending change; it applies at once (permit_reviewer)")
    Mono<PermitResponse> approveChange(@PathVariable UUID id, Authentication authentication) {
        return service.approveChange(id, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/change-request/reject")
    @Operation(summary = "Reject the pending change with a reason (permit_reviewer)")
    Mono<PermitResponse> rejectChange(@PathVariable UUID id, @Valid @RequestBody PermitRequests.Reject request,
                                      Authentication authentication) {
        return service.rejectChange(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/{id}/renewal")
    @Operation(summary = "Apply for renewal inside the renewal window (the holder); returns the renewal application")
    Mono<ResponseEntity<PermitResponse>> renew(@PathVariable UUID id,
                                               @Valid @RequestBody(required = false) PermitRequests.Renew request,
                                               Authentication authentication) {
        return service.renew(id, request, CurrentUser.from(authentication))
                .map(permit -> ResponseEntity.created(URI.create("/api/permits/" + permit.id())).body(view(permit)));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "撤销 / 吊销 / 注销 with reason and legal basis (admin)")
    Mono<PermitResponse> end(@PathVariable UUID id, @Valid @RequestBody PermitRequests.EndPermit request,
                             Authentication authentication) {
        return service.end(id, request, CurrentUser.from(authentication)).map(this::view);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Who did what to this permit, from the audit chain (staff, or its holder)")
    Flux<AuditTrail.Entry> history(@PathVariable UUID id, Authentication authentication) {
        return service.history(id, CurrentUser.from(authentication));
    }

    private PermitResponse view(Permit permit) {
        return PermitResponse.from(permit, service.today());
    }

    private PageResponse<PermitResponse> views(PageResponse<Permit> page) {
        return new PageResponse<>(page.items().stream().map(this::view).toList(), page.page(), page.size(),
                page.total());
    }
}
