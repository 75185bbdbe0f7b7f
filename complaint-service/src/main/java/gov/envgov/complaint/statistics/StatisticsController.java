package gov.envgov.complaint.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Complaint statistics")
class StatisticsController {

    private final ComplaintStatistics statistics;
    private final BureauTime time;

    StatisticsController(ComplaintStatistics statistics, BureauTime time) {
        this.statistics = statistics;
        this.time = time;
    }

    @GetMapping("/api/complaints/statistics")
    @Operation(summary = "Counts by category, district and month, on-time rate and satisfaction (staff)")
    @ApiResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ComplaintStatistics.Report.class)))
    @ApiResponse(responseCode = "422", description = "from is after to")
    Mono<ComplaintStatistics.Report> staff(
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        return statistics.staff(from == null ? end.minusYears(1) : from, check(from, end));
    }

    @GetMapping("/api/public/complaints/statistics")
    @Operation(summary = "The public, anonymised statistics: small cells are left out")
    @ApiResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ComplaintStatistics.Report.class)))
    @ApiResponse(responseCode = "422", description = "from is after to")
    Mono<ComplaintStatistics.Report> anonymised(
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        return statistics.anonymised(from == null ? end.minusYears(1) : from, check(from, end));
    }

    private static LocalDate check(@Nullable LocalDate from, LocalDate to) {
        if (from != null && from.isAfter(to)) {
            throw new DomainException.RuleViolation("invalid-period", "from", "from must not be after to");
        }
        return to;
    }
}
