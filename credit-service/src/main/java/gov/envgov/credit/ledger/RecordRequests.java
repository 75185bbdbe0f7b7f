package gov.envgov.credit.ledger;

import java.time.LocalDate;
import java.util.List;

import gov.envgov.support.code.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What credit officers send about records. */
public final class RecordRequests {

    private RecordRequests() {
    }

    /**
     * A behaviour entered by hand: a rule of the scheme in force with its severity, and/or a veto event, and at
     * least one piece of evidence.
     *
     * @param knownOn the day the bureau learned of it, when later than the day it happened
     */
    public record Enter(@NotNull @CreditCode String subjectCode, @Size(max = 64) String rule,
                        @Size(max = 32) String severity, @Size(max = 64) String vetoCode,
                        @NotNull LocalDate occurredOn, LocalDate knownOn, @NotBlank @Size(max = 2000) String summary,
                        @NotEmpty @Size(max = 20) List<@Valid @NotNull EvidenceItem> evidence) {
    }

    @Schema(name = "RecordEvidenceItem")
    public record EvidenceItem(@NotBlank @Size(max = 200) String name,
                               @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256,
                               @Size(max = 500) String uri) {
    }
}
