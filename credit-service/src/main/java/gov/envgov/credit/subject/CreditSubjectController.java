package gov.envgov.credit.subject;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/credit/subjects")
@Tag(name = "Credit subjects", description = "Enterprises under environmental credit evaluation")
class CreditSubjectController {

    private final CreditSubjectService subjects;

    CreditSubjectController(CreditSubjectService subjects) {
        this.subjects = subjects;
    }

    @GetMapping("/{code}")
    @Operation(summary = "One credit subject: credit officers any, an enterprise only its own")
    Mono<CreditSubject> find(@PathVariable @CreditCode String code, Authentication authentication) {
        return subjects.find(code, CurrentUser.from(authentication));
    }
}
