package gov.envgov.permit.enterprise;

import java.net.URI;

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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enterprises")
@Tag(name = "Enterprise registry", description = "Pollutant discharge units (排污单位)")
class EnterpriseController {

    private final EnterpriseService service;

    EnterpriseController(EnterpriseService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Register a discharge unit (admin)")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the unit", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = EnterpriseResponse.class)))
    Mono<ResponseEntity<EnterpriseResponse>> register(@Valid @RequestBody RegisterEnterpriseRequest request,
                                                      Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        return service.register(request, user)
                .map(enterprise -> ResponseEntity.created(URI.create("/api/enterprises/" + enterprise.code()))
                        .body(EnterpriseResponse.from(enterprise, true)));
    }

    @PostMapping("/import")
    @Operation(summary = "Register many discharge units; already registered codes are skipped (admin)")
    Mono<ImportResult> importAll(@Valid @RequestBody ImportEnterprisesRequest request,
                                 Authentication authentication) {
        return service.importAll(request.enterprises(), CurrentUser.from(authentication));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Look up one discharge unit (any signed-in user; contact data for staff and the unit itself)")
    Mono<EnterpriseResponse> find(@PathVariable @CreditCode String code, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        return service.find(code).map(enterprise -> EnterpriseResponse.from(enterprise, mayReadContact(user, code)));
    }

    @GetMapping
    @Operation(summary = "Search discharge units by name or code prefix, district and management class")
    Mono<PageResponse<EnterpriseResponse>> search(@RequestParam(required = false) String q,
                                                  @RequestParam(required = false) String district,
                                                  @RequestParam(required = false) ManagementClass managementClass,
                                                  @Valid PageRequest page, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        return service.search(new EnterpriseQuery(q, district, managementClass), page)
                .map(result -> new PageResponse<>(result.items().stream()
                        .map(enterprise -> EnterpriseResponse.from(enterprise, mayReadContact(user, enterprise.code())))
                        .toList(), result.page(), result.size(), result.total()));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a unit's registry details (admin); send the version you read")
    Mono<EnterpriseResponse> change(@PathVariable @CreditCode String code,
                                    @Valid @RequestBody ChangeEnterpriseRequest request,
                                    Authentication authentication) {
        return service.change(code, request, CurrentUser.from(authentication))
                .map(enterprise -> EnterpriseResponse.from(enterprise, true));
    }

    @PutMapping("/{code}/contact")
    @Operation(summary = "Change the environmental contact (the enterprise itself or admin)")
    Mono<EnterpriseResponse> changeContact(@PathVariable @CreditCode String code,
                                           @Valid @RequestBody ChangeContactRequest request,
                                           Authentication authentication) {
        return service.changeContact(code, request, CurrentUser.from(authentication))
                .map(enterprise -> EnterpriseResponse.from(enterprise, true));
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Who did what to this unit's record, from the audit chain (admin)")
    Flux<AuditTrail.Entry> history(@PathVariable @CreditCode String code) {
        return service.history(code);
    }

    private static boolean mayReadContact(CurrentUser user, String code) {
        return user.isStaff() || user.actsFor(code);
    }
}
