package gov.envgov.permit.compliance;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Compliance", description = "An enterprise's permits, reports and exceedances over twelve quarters")
class ComplianceController {

    private final ComplianceService service;

    ComplianceController(ComplianceService service) {
        this.service = service;
    }

    @GetMapping("/api/enterprises/{code}/compliance")
    @Operation(summary = "Compliance picture of one enterprise"
            + " (inspectors, legal and credit staff, admin, or the enterprise itself)")
    Mono<CompliancePicture> picture(@PathVariable @CreditCode String code, Authentication authentication) {
        return service.picture(code, CurrentUser.from(authentication));
    }
}
