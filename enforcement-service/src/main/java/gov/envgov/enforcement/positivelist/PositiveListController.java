package gov.envgov.enforcement.positivelist;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Positive list", description = "正面清单: units that meet its rules, listed for a term, removed on a breach")
class PositiveListController {

    private final PositiveListService positiveList;

    PositiveListController(PositiveListService positiveList) {
        this.positiveList = positiveList;
    }

    @GetMapping("/api/public/inspections/positive-list")
    @Operation(summary = "The units on the positive list now, the most recently listed first")
    Mono<PageResponse<ListedUnit>> listed(@Valid PageRequest page) {
        return positiveList.listed(page);
    }

    @GetMapping("/api/enforcement/positive-list/{code}")
    @Operation(summary = "Why a unit is or is not on the list: its record and the rules it breaks today (staff)")
    Mono<PositiveListService.Explanation> explain(@PathVariable @CreditCode String code) {
        return positiveList.explain(code);
    }

    @PostMapping("/api/enforcement/positive-list/evaluation")
    @Operation(summary = "Assess every unit now rather than at the day's run (admin)")
    Mono<PositiveListService.Evaluation> evaluate(Authentication authentication) {
        return positiveList.evaluate(false, CurrentUser.from(authentication).username());
    }
}
