package gov.envgov.enforcement.draw;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What callers send to the draw endpoints. */
public final class DrawRequests {

    private DrawRequests() {
    }

    /**
     * A plan to announce.
     *
     * @param period the period drawn for: a year, quarter, half or month ({@code 2026}, {@code 2026Q4},
     *               {@code 2026H2}, {@code 2026M11})
     * @param inspectors the inspectors a staff-ratio draw counts (not needed for key dischargers)
     */
    public record AnnounceDraw(
            @NotBlank @Pattern(regexp = "^\\d{4}(Q[1-4]|H[12]|M(0[1-9]|1[0-2]))?$",
                    message = "must be a year, quarter, half or month such as 2026, 2026Q4, 2026H2 or 2026M11")
            String period,
            @NotNull SupervisionLevel level,
            String district,
            @NotNull @Pattern(regexp = "^(KEY|SIMPLIFIED|REGISTRATION)$",
                    message = "must be KEY, SIMPLIFIED or REGISTRATION") String managementClass,
            @Min(0) @Max(10_000) Integer inspectors) {

        Draw.Plan plan() {
            return new Draw.Plan(period, level, district == null || district.isBlank() ? null : district.strip(),
                    managementClass, inspectors == null ? 0 : inspectors);
        }
    }
}
