package gov.envgov.permit.report;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.permit.permit.PermitContent.ReportFrequency;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/permits/{permitId}/reports")
@Tag(name = "Execution reports", description = "执行报告: the schedule a permit sets, and filing")
class ReportController {

    private final ReportService service;

    ReportController(ReportService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The reports a permit owes, with due dates and status"
            + " (reviewers, inspectors, legal and credit staff, admin, or the holder)")
    Flux<ExecutionReport> list(@PathVariable UUID permitId, Authentication authentication) {
        return service.forPermit(permitId, CurrentUser.from(authentication));
    }

    @PutMapping("/{frequency}/{periodStart}")
    @Operation(summary = "File the report of a period once it is over (the holder); late filings are marked late")
    Mono<ExecutionReport> file(@PathVariable UUID permitId, @PathVariable ReportFrequency frequency,
                               @PathVariable LocalDate periodStart, @Valid @RequestBody FileReportRequest request,
                               Authentication authentication) {
        return service.file(permitId, frequency, periodStart, request, CurrentUser.from(authentication));
    }
}
