package gov.envgov.credit.subject;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/credit/subjects")
@Tag(name = "Credit subjects", description = "Enterprises under environmental credit evaluation")
class CreditSubjectController {

    private final CreditSubjectService subjects;

    CreditSubjectController(CreditSubjectService subjects) {
        this.subjects = subjects;
    }

    /** A service agency to register: its credit code, name and district. */
    record RegisterAgency(@NotNull @CreditCode String code, @NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 50) String district) {
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an environmental service agency (monitoring or operation firm) as a subject")
    Mono<CreditSubject> registerAgency(@Valid @RequestBody RegisterAgency request) {
        return subjects.registerAgency(request.code(), request.name(), request.district());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One credit subject: credit officers any, an enterprise only its own")
    Mono<CreditSubject> find(@PathVariable @CreditCode String code, Authentication authentication) {
        return subjects.find(code, CurrentUser.from(authentication));
    }
}
