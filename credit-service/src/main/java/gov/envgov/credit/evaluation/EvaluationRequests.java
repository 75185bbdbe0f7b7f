package gov.envgov.credit.evaluation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What credit officers and enterprises send about evaluations. */
public final class EvaluationRequests {

    private EvaluationRequests() {
    }

    /** Evaluate a period (a calendar year that has ended). */
    public record Start(@NotNull @Min(2000) @Max(2100) Integer period) {
    }

    /** An enterprise's objection: reasons, evidence (document references) and the records it disputes. */
    public record FileObjection(@NotBlank @Size(max = 4000) String reasons,
                         @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence,
                         @Size(max = 200) List<@NotNull UUID> disputedRecords) {
    }

    /**
     * A credit officer's answer to an objection.
     *
     * @param correctRecords the records found wrong when upheld; by default the ones the objection disputes
     */
    public record Answer(@NotNull Boolean upheld, @NotBlank @Size(max = 4000) String answer,
                         @Size(max = 200) List<@NotNull UUID> correctRecords) {
    }
}
