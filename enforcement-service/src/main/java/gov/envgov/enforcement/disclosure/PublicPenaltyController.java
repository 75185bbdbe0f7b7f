package gov.envgov.enforcement.disclosure;

import java.util.UUID;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

@RestController
@Validated
@RequestMapping("/api/public/penalties")
@Tag(name = "Public: penalty decisions", description = "Published, redacted penalty decisions and their withdrawals")
class PublicPenaltyController {

    private final PublicationService publications;

    PublicPenaltyController(PublicationService publications) {
        this.publications = publications;
    }

    @GetMapping
    @Operation(summary = "Published penalty decisions, newest first; withdrawn ones say so")
    Mono<PageResponse<PenaltyPublication>> search(@RequestParam(required = false) @CreditCode String enterprise,
                                                  @RequestParam(required = false) String district,
                                                  @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                                  @Valid PageRequest page) {
        return publications.search(enterprise, district, year, page);
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "One published penalty decision")
    Mono<PenaltyPublication> find(@PathVariable UUID caseId) {
        return publications.find(caseId);
    }
}
