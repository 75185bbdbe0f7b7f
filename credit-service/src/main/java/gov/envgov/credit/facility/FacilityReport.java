package gov.envgov.credit.facility;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The public facility report of one enterprise as of a day: who it is, the compliance status of the last quarters
 * (oldest first), its published credit grades, and its history by section (newest first). Everything in it comes
 * from events this service consumed; the same facts on the same day give the same report, byte for byte.
 */
public record FacilityReport(String creditCode, String name, @Nullable String district,
                             @Nullable String managementClass, LocalDate asOf, String statusString,
                             List<ComplianceQuarters.Quarter> quarters, List<Grade> grades, List<Entry> permits,
                             List<Entry> reports, List<Entry> monitoring, List<Entry> inspections,
                             List<Entry> complaints, List<Entry> cases, List<Entry> penalties) {

    /** A published (final) credit grade of one period, in its newest version. */
    @Schema(name = "FacilityGrade")
    public record Grade(int period, String grade, int version, String schemeVersion) {
    }

    /** One fact of the history. */
    public record Entry(LocalDate on, String type, String summary, String severity, @Nullable String ref,
                        @Nullable LocalDate withdrawnOn) {

        static Entry of(FacilityFact fact) {
            return new Entry(fact.occurredOn(), fact.eventType(), fact.summary(), fact.severity().name(), fact.ref(),
                    fact.withdrawnOn());
        }
    }

    /** A pinned report: where its exact bytes can be fetched again. */
    public record Pinned(String sha256, String creditCode, LocalDate asOf, String url) {
    }
}
