package gov.envgov.permit.permit;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading permits and applications; the use cases that change them have their own controllers. */
@RestController
@RequestMapping("/api/permits")
@Tag(name = "Permits", description = "Pollutant discharge permits (排污许可证): application, review, life after issue")
class PermitController {

    private final PermitQueryService service;
    private final BureauTime time;

    PermitController(PermitQueryService service, BureauTime time) {
        this.service = service;
        this.time = time;
    }

    @GetMapping
    @Operation(summary = "Permits and applications of one enterprise"
            + " (reviewers, inspectors, legal and credit staff, admin, or the enterprise itself)")
    Mono<PageResponse<PermitResponse>> forEnterprise(@RequestParam @CreditCode String enterprise,
                                                     @Valid PageRequest page, Authentication authentication) {
        return service.forEnterprise(enterprise, page, CurrentUser.from(authentication))
                .map(result -> PermitResponse.page(result, time.today()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One permit or application"
            + " (reviewers, inspectors, legal and credit staff, admin, or its holder)")
    Mono<PermitResponse> find(@PathVariable UUID id, Authentication authentication) {
        return service.find(id, CurrentUser.from(authentication))
                .map(permit -> PermitResponse.from(permit, time.today()));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Who did what to this permit, from the audit chain"
            + " (reviewers, inspectors, legal and credit staff, admin, or its holder)")
    Flux<AuditTrail.Entry> history(@PathVariable UUID id, Authentication authentication) {
        return service.history(id, CurrentUser.from(authentication));
    }
}
