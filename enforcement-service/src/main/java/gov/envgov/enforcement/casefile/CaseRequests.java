package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** What callers send to the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** Filing a clue as a case (立案). */
    public record FileCase(@NotNull PartyKind party, @NotBlank @Size(max = 100) String violation,
                           @NotBlank @Size(max = 300) String legalBasis, boolean veto,
                           @NotNull @PastOrPresent LocalDate violationEndedOn, boolean harmToLife, boolean major,
                           @NotNull @Size(min = 2, max = 10) List<@NotBlank String> investigators) {
    }

    public record NotFiled(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Notice(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal proposedFine) {
    }

    public record Hearing(@NotBlank String chair, @NotNull LocalDate hearingOn) {
    }

    public record Collective(@NotBlank @Size(max = 500) String minutes) {
    }

    public record Decision(@NotNull Outcome outcome, @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal fine,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    public record Payment(@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }
}
