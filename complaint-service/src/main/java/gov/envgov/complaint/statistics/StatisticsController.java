package gov.envgov.complaint.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Complaint statistics")
class StatisticsController {

    private final ComplaintStatistics statistics;
    private final Clock clock;
    private final ZoneId zone;

    StatisticsController(ComplaintStatistics statistics, Clock clock, ZoneId zone) {
        this.statistics = statistics;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/api/complaints/statistics")
    @Operation(summary = "Counts by category, district and month, on-time rate and satisfaction (staff)")
    Mono<ComplaintStatistics.Report> staff(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? today() : to;
        return statistics.staff(from == null ? end.minusYears(1) : from, check(from, end));
    }

    @GetMapping("/api/public/complaints/statistics")
    @Operation(summary = "The public, anonymised statistics: small cells are left out")
    Mono<ComplaintStatistics.Report> anonymised(
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? today() : to;
        return statistics.anonymised(from == null ? end.minusYears(1) : from, check(from, end));
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private static LocalDate check(LocalDate from, LocalDate to) {
        if (from != null && from.isAfter(to)) {
            throw new DomainException.RuleViolation("invalid-period", "from", "from must not be after to");
        }
        return to;
    }
}
