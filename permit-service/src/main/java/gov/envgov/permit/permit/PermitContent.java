package gov.envgov.permit.permit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gov.envgov.permit.enterprise.GeoPoint;
import gov.envgov.support.domain.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What a permit allows: its outlets, per outlet the pollutants with their permitted concentration and annual
 * quantity, the self-monitoring plan, the execution-report frequencies and the EIA approval it rests on.
 */
public record PermitContent(@NotBlank String eiaApproval,
                            @NotEmpty List<@NotNull @Valid Outlet> outlets,
                            List<@NotNull @Valid MonitoringRequirement> selfMonitoring,
                            Set<ReportFrequency> reportFrequencies) {

    public PermitContent {
        selfMonitoring = selfMonitoring == null ? List.of() : List.copyOf(selfMonitoring);
        reportFrequencies = reportFrequencies == null || reportFrequencies.isEmpty()
                ? Set.of() : Set.copyOf(reportFrequencies);
    }

    /** 排放口: waste gas {@code DA###} or waste water {@code DW###}. */
    public record Outlet(@NotNull @Pattern(regexp = "D[AW]\\d{3}", message = "must be DA### or DW###") String code,
                         @NotBlank String name,
                         @NotNull @Valid GeoPoint location,
                         @NotBlank String dischargeMode,
                         @NotBlank String destination,
                         @NotEmpty List<@NotNull @Valid PermittedPollutant> pollutants) {

        public Optional<PermittedPollutant> pollutant(String name) {
            return pollutants.stream().filter(p -> p.pollutant().equals(name)).findFirst();
        }
    }

    /** A pollutant of an outlet: permitted concentration and, where the permit sets one, annual quantity (t/a). */
    public record PermittedPollutant(@NotBlank String pollutant,
                                     @NotNull @Valid Concentration concentration,
                                     @PositiveOrZero Double annualTonnes) {
    }

    public record Concentration(@NotNull @Positive Double value, @NotBlank String unit, @NotBlank String standard) {
    }

    /** One line of the self-monitoring plan: how and how often an outlet's pollutant is measured. */
    public record MonitoringRequirement(@NotBlank String outlet, @NotBlank String pollutant,
                                        @NotNull MonitoringMethod method, @NotBlank String frequency) {
    }

    public enum MonitoringMethod { AUTOMATIC, MANUAL }

    public enum ReportFrequency { ANNUAL, QUARTERLY, MONTHLY }

    public Optional<Outlet> outlet(String code) {
        return outlets.stream().filter(outlet -> outlet.code().equals(code)).findFirst();
    }

    /** Checks what Bean Validation cannot: unique outlets and pollutants, and a plan that names real ones. */
    public void requireConsistent() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < outlets.size(); i++) {
            Outlet outlet = outlets.get(i);
            if (!codes.add(outlet.code())) {
                throw new DomainException.RuleViolation("duplicate-outlet", "content.outlets[" + i + "].code",
                        "outlet " + outlet.code() + " is listed twice");
            }
            Set<String> pollutants = new HashSet<>();
            for (PermittedPollutant pollutant : outlet.pollutants()) {
                if (!pollutants.add(pollutant.pollutant())) {
                    throw new DomainException.RuleViolation("duplicate-pollutant", "content.outlets[" + i
                            + "].pollutants", pollutant.pollutant() + " is listed twice for " + outlet.code());
                }
            }
        }
        for (int i = 0; i < selfMonitoring.size(); i++) {
            MonitoringRequirement line = selfMonitoring.get(i);
            if (outlet(line.outlet()).flatMap(o -> o.pollutant(line.pollutant())).isEmpty()) {
                throw new DomainException.RuleViolation("unknown-monitoring-point", "content.selfMonitoring[" + i
                        + "]", "the plan names " + line.outlet() + "/" + line.pollutant()
                        + ", which the permit does not have");
            }
        }
    }

    /** The report frequencies this content owes for a class: annual always, quarterly for key holders. */
    public Set<ReportFrequency> frequenciesFor(PermitClass permitClass) {
        var result = EnumSet.of(ReportFrequency.ANNUAL);
        result.addAll(reportFrequencies);
        if (permitClass == PermitClass.KEY) {
            result.add(ReportFrequency.QUARTERLY);
        }
        return result;
    }

    /**
     * What this content allows beyond {@code before}: new outlets, new pollutants, higher limits, and an outlet
     * moved or discharging otherwise (location, discharge mode, destination; 条例 Art 15). An administrative change
     * may not do any of it; it needs a new application.
     */
    public List<String> expansionsOver(PermitContent before) {
        List<String> found = new ArrayList<>();
        Map<String, Outlet> old = new HashMap<>();
        before.outlets().forEach(outlet -> old.put(outlet.code(), outlet));
        for (Outlet outlet : outlets) {
            Outlet previous = old.get(outlet.code());
            if (previous == null) {
                found.add("new outlet " + outlet.code());
                continue;
            }
            // PERMIT-CHANGE-SCOPE: moving an outlet or changing how and where it discharges is no change either.
            if (!outlet.location().equals(previous.location())) {
                found.add("outlet location changed at " + outlet.code());
            }
            if (!outlet.dischargeMode().equals(previous.dischargeMode())) {
                found.add("discharge mode changed at " + outlet.code());
            }
            if (!outlet.destination().equals(previous.destination())) {
                found.add("destination changed at " + outlet.code());
            }
            for (PermittedPollutant pollutant : outlet.pollutants()) {
                var was = previous.pollutant(pollutant.pollutant());
                if (was.isEmpty()) {
                    found.add("new pollutant " + pollutant.pollutant() + " at " + outlet.code());
                } else if (raises(was.get(), pollutant)) {
                    found.add("higher limit for " + pollutant.pollutant() + " at " + outlet.code());
                }
            }
        }
        return found;
    }

    private static boolean raises(PermittedPollutant was, PermittedPollutant now) {
        if (!was.concentration().unit().equals(now.concentration().unit())
                || now.concentration().value() > was.concentration().value()) {
            return true;
        }
        if (now.annualTonnes() == null) {
            return was.annualTonnes() != null;
        }
        return was.annualTonnes() != null && now.annualTonnes() > was.annualTonnes();
    }
}
