package gov.envgov.permit.report;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The emissions an enterprise reports for a period, per outlet and pollutant, in tonnes. */
public record FileReportRequest(@NotNull List<@NotNull @Valid Line> emissions) {

    public record Line(@NotBlank String outlet, @NotBlank String pollutant, @NotNull @PositiveOrZero Double tonnes) {
    }

    List<ExecutionReport.Emission> toEmissions() {
        return emissions.stream().map(line -> new ExecutionReport.Emission(line.outlet(), line.pollutant(),
                line.tonnes())).toList();
    }
}
