package gov.envgov.credit.lookup;

import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.credit.blacklist.ListResponse;
import gov.envgov.credit.blacklist.ListService;
import gov.envgov.credit.evaluation.EvaluationResponse;
import gov.envgov.credit.evaluation.EvaluationService;
import gov.envgov.support.code.CreditCode;
import gov.envgov.support.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Public credit lookup", description = "Grade and list status by credit code, for joint measures")
class PublicLookupController {

    private final EvaluationService evaluations;
    private final ListService list;

    PublicLookupController(EvaluationService evaluations, ListService list) {
        this.evaluations = evaluations;
        this.list = list;
    }

    /**
     * What other departments ask before a subsidy, an honour or a procurement (联合奖惩, like 信用中国's interface):
     * the newest final grade and whether the subject is on the severe-dishonesty list; no personal data.
     */
    public record Lookup(String creditCode, String name, EvaluationResponse.PublicGrade grade, boolean listed,
                         ListResponse.Public listEntry) {
    }

    @GetMapping("/api/public/credit/{code}")
    @Operation(summary = "CRD-PUBLIC-LOOKUP: the newest final grade and the list status of a credit code")
    Mono<Lookup> lookup(@PathVariable @CreditCode String code) {
        Mono<Optional<EvaluationResponse.PublicGrade>> grade = evaluations.latestFinal(code)
                .map(EvaluationResponse.PublicGrade::from).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Optional<ListResponse.Public>> entry = list.listed(code).map(ListResponse.Public::from)
                .map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(grade, entry).flatMap(found -> {
            if (found.getT1().isEmpty() && found.getT2().isEmpty()) {
                return Mono.error(new DomainException.NotFound("published credit information", code));
            }
            String name = found.getT1().map(EvaluationResponse.PublicGrade::name)
                    .orElseGet(() -> found.getT2().map(ListResponse.Public::name).orElse(code));
            return Mono.just(new Lookup(code, name, found.getT1().orElse(null), found.getT2().isPresent(),
                    found.getT2().orElse(null)));
        });
    }
}
