package gov.envgov.enforcement.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What inspectors send about inspections. */
public final class InspectionRequests {

    private InspectionRequests() {
    }

    /** Start: on site or off site (by default off site for a positive-list unit, else on site). */
    public record Start(InspectionMode mode, @Size(max = 1000) String onSiteReason) {
    }

    /** Go on site from an off-site inspection, and why. */
    public record GoOnSite(@NotBlank @Size(max = 1000) String reason) {
    }

    /** One item's outcome; a failed item's finding; the inspectors' internal note. */
    public record Check(@NotNull ItemOutcome outcome, @Size(max = 4000) String finding,
                        @Size(max = 4000) String note) {
    }
}
