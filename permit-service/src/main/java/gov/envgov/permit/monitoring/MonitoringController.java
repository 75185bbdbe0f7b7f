package gov.envgov.permit.monitoring;

import java.time.LocalDate;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/monitoring")
@Tag(name = "Online monitoring", description = "在线监测: readings, means and exceedance episodes")
class MonitoringController {

    private final MonitoringService service;
    private final int maxBatchBytes;

    private final AnomalyService anomalies;

    MonitoringController(MonitoringService service, AnomalyService anomalies, MonitoringProperties properties) {
        this.service = service;
        this.anomalies = anomalies;
        this.maxBatchBytes = (int) properties.maxBatchSize().toBytes();
    }

    @PostMapping(value = "/readings", consumes = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_NDJSON_VALUE})
    @Operation(summary = "Send a batch of readings (JSON array or NDJSON) from the enterprise itself or a monitoring "
            + "system; bad readings are rejected one by one with a reason, the rest are stored")
    Mono<IngestResult> ingest(@RequestBody Flux<DataBuffer> body,
                              @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long length,
                              Authentication authentication) {
        CurrentUser sender = CurrentUser.from(authentication);
        if (length != null && length > maxBatchBytes) {
            // Declared too large: answered before reading a byte of it.
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(body, maxBatchBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(new ServerWebInputException("the batch is empty")))
                .flatMap(bytes -> service.ingest(bytes, sender))
                .onErrorMap(ReadingBatchParser.MalformedBatch.class,
                        error -> new ServerWebInputException(error.getMessage()))
                .onErrorMap(DataBufferLimitException.class, error -> tooLarge());
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "a batch may hold at most " + maxBatchBytes
                + " bytes; send it in several requests");
    }

    @GetMapping("/means")
    @Operation(summary = "Hourly or daily means of one outlet's pollutant"
            + " (inspectors, legal and credit staff, admin, or the enterprise itself)")
    Flux<Mean> means(@RequestParam @CreditCode String enterprise, @RequestParam String outlet,
                     @RequestParam String pollutant,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "HOUR") Interval interval, Authentication authentication) {
        return service.means(enterprise, outlet, pollutant, from, to, interval == Interval.DAY,
                CurrentUser.from(authentication));
    }

    @GetMapping("/exceedances")
    @Operation(summary = "Exceedance episodes of an enterprise since a day, newest first"
            + " (inspectors, legal and credit staff, admin, or the enterprise)")
    Mono<PageResponse<ExceedanceView>> exceedances(@RequestParam @CreditCode String enterprise,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                                   LocalDate from,
                                                   @Valid PageRequest page, Authentication authentication) {
        return service.exceedances(enterprise, from, page, CurrentUser.from(authentication));
    }

    @GetMapping("/discharges-without-permit")
    @Operation(summary = "Episodes of discharge without a valid permit of an enterprise since a day, newest first "
            + "(inspectors, legal and credit staff, admin, or the enterprise itself)")
    Flux<UnpermittedEpisode> dischargesWithoutPermit(@RequestParam @CreditCode String enterprise,
                                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                                     LocalDate from, Authentication authentication) {
        return service.dischargesWithoutPermit(enterprise, from, CurrentUser.from(authentication));
    }

    @GetMapping("/anomalies")
    @Operation(summary = "Data anomalies (silent outlet, constant values, values outside the analyser's range) "
            + "detected since a day, newest first: staff see every enterprise's, an enterprise its own")
    @ApiResponse(responseCode = "200", description = "The anomalies, newest first", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = DataAnomaly.class))))
    @ApiResponse(responseCode = "404", description = "An enterprise that names no enterprise or another one: "
            + "answered as unknown")
    Flux<DataAnomaly> anomalies(@RequestParam(required = false) @CreditCode String enterprise,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                Authentication authentication) {
        return anomalies.list(enterprise, from, CurrentUser.from(authentication));
    }

    enum Interval { HOUR, DAY }
}
