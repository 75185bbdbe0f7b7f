package gov.envgov.enforcement.inspection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/inspections/results")
@Tag(name = "Public: inspection results", description = "抽查结果公告: completed inspections and what they found")
class PublicInspectionController {

    private final InspectionQueryService queries;

    PublicInspectionController(InspectionQueryService queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Published inspection results, the newest first")
    Mono<PageResponse<PublishedResult>> results(@Valid PageRequest page) {
        return queries.results(page);
    }
}
