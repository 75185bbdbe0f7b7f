package gov.envgov.credit.facility;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Facility report", description = "Each enterprise's compliance history across all services, public")
class FacilityController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final FacilityService facilities;

    FacilityController(FacilityService facilities) {
        this.facilities = facilities;
    }

    @GetMapping(path = "/api/public/credit/facilities/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CRD-FACILITY-REPORT: permits, reports, monitoring, inspections, cases, penalties, grades and"
            + " the 12-quarter status string; the ETag is the SHA-256 a pin of these bytes gets")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FacilityReport.class)))
    Mono<ResponseEntity<byte[]>> report(@PathVariable @CreditCode String code) {
        return facilities.report(code).map(facilities::bytes).map(body -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON).eTag(FacilityService.sha256(body)).body(body));
    }

    @GetMapping(path = "/api/public/credit/facilities/{code}/quarters.csv", produces = "text/csv")
    @Operation(summary = "The quarter table of today's report as CSV")
    Mono<ResponseEntity<byte[]>> quarters(@PathVariable @CreditCode String code) {
        return facilities.report(code).map(report -> csv(report, code + "-" + report.asOf()));
    }

    @PostMapping("/api/public/credit/facilities/{code}/snapshots")
    @Operation(summary = "CRD-FACILITY-SNAPSHOT: pin today's report; 201 when new, 200 when these bytes were pinned"
            + " already; the snapshot is addressed by its SHA-256")
    @ApiResponse(responseCode = "201", description = "Pinned now; Location names the snapshot", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = FacilityReport.Pinned.class)))
    @ApiResponse(responseCode = "200", description = "These bytes were pinned already; Location names the snapshot",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = FacilityReport.Pinned.class)))
    Mono<ResponseEntity<FacilityReport.Pinned>> pin(@PathVariable @CreditCode String code) {
        return facilities.pin(code).map(pin -> ResponseEntity.status(pin.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, pin.pinned().url()).body(pin.pinned()));
    }

    @GetMapping(path = "/api/public/credit/facility-snapshots/{sha256}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A pinned report, byte for byte as it was pinned")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FacilityReport.class)))
    Mono<ResponseEntity<byte[]>> snapshot(@PathVariable @Pattern(regexp = "[0-9a-f]{64}",
            message = "a SHA-256 as 64 lower-case hex digits") String sha256) {
        return facilities.snapshot(sha256).map(snapshot -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON).eTag(snapshot.sha256())
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(365))
                        .cachePublic().immutable())
                .body(snapshot.body()));
    }

    @GetMapping(path = "/api/public/credit/facility-snapshots/{sha256}/quarters.csv", produces = "text/csv")
    @Operation(summary = "The quarter table of a pinned report as CSV")
    Mono<ResponseEntity<byte[]>> snapshotQuarters(@PathVariable @Pattern(regexp = "[0-9a-f]{64}",
            message = "a SHA-256 as 64 lower-case hex digits") String sha256) {
        return facilities.snapshot(sha256).map(snapshot -> csv(facilities.read(snapshot),
                snapshot.subjectCode() + "-" + snapshot.asOf() + "-" + sha256.substring(0, 12)));
    }

    private static ResponseEntity<byte[]> csv(FacilityReport report, String name) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"facility-" + name + ".csv\"")
                .body(FacilityService.csv(report).getBytes(StandardCharsets.UTF_8));
    }
}
