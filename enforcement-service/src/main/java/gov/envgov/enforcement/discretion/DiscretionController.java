package gov.envgov.enforcement.discretion;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Discretion", description = "The published discretion tables (自由裁量基准) and the calculator over them")
class DiscretionController {

    private final DiscretionService discretion;

    DiscretionController(DiscretionService discretion) {
        this.discretion = discretion;
    }

    /** A calculation request: the violation, the option chosen per factor, and the grounds that change the rule. */
    record CalculationRequest(@NotBlank String violation, Map<String, String> options, Boolean firstMinorCorrected,
                              Boolean noFault, Boolean mitigation) {
        DiscretionCalculator.Input input() {
            return new DiscretionCalculator.Input(violation, options == null ? Map.of() : options,
                    Boolean.TRUE.equals(firstMinorCorrected), Boolean.TRUE.equals(noFault),
                    Boolean.TRUE.equals(mitigation));
        }
    }

    @GetMapping("/api/public/discretion/tables")
    @Operation(summary = "Every version of the discretion tables, as published")
    Mono<List<DiscretionTable>> tables() {
        return Mono.just(discretion.tables());
    }

    @PostMapping("/api/enforcement/discretion/calculation")
    @Operation(summary = "The fine the table in force gives, step by step")
    Mono<DiscretionCalculator.Computation> calculate(@Valid @RequestBody CalculationRequest request) {
        return Mono.fromSupplier(() -> discretion.compute(request.input()));
    }
}
