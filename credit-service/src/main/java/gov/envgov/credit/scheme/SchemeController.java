package gov.envgov.credit.scheme;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/credit/schemes")
@Tag(name = "Credit schemes", description = "The credit-evaluation schemes as published, every version")
class SchemeController {

    private final SchemeService schemes;

    SchemeController(SchemeService schemes) {
        this.schemes = schemes;
    }

    @GetMapping
    @Operation(summary = "Every shipped version of every scheme; the city runs the one named in force")
    Mono<List<Scheme>> all() {
        return Mono.just(schemes.all());
    }

    @GetMapping("/in-force")
    @Operation(summary = "The version of the city's scheme that a period (calendar year) is evaluated under")
    @ApiResponse(responseCode = "200", description = "The version in force for that period", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = Scheme.class)))
    @ApiResponse(responseCode = "422", description = "No version of the scheme covers that period")
    Mono<Scheme> inForce(@RequestParam int period) {
        return Mono.fromSupplier(() -> schemes.forPeriod(period));
    }

    @GetMapping("/{version}")
    @Operation(summary = "One version of a scheme")
    Mono<Scheme> version(@PathVariable String version) {
        return Mono.fromSupplier(() -> schemes.version(version));
    }
}
