package gov.envgov.permit.registration;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/registrations/{code}")
@Tag(name = "Registrations", description = "登记管理: registration forms of registration-only units")
class RegistrationController {

    private final RegistrationService service;

    RegistrationController(RegistrationService service) {
        this.service = service;
    }

    @PutMapping
    @Operation(summary = "File or re-file the registration form (the enterprise itself); effective on filing")
    Mono<Registration> file(@PathVariable @CreditCode String code, @Valid @RequestBody FileRegistrationRequest request,
                            Authentication authentication) {
        return service.file(code, request, CurrentUser.from(authentication));
    }

    @GetMapping
    @Operation(summary = "The registration in force"
            + " (reviewers, inspectors, legal and credit staff, admin, or the enterprise itself)")
    Mono<Registration> current(@PathVariable @CreditCode String code, Authentication authentication) {
        return service.current(code, CurrentUser.from(authentication));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every filed version, newest first"
            + " (reviewers, inspectors, legal and credit staff, admin, or the enterprise itself)")
    Flux<Registration> versions(@PathVariable @CreditCode String code, Authentication authentication) {
        return service.history(code, CurrentUser.from(authentication));
    }
}
