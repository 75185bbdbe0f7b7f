package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.envgov.support.code.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** What callers send to the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** Filing a clue as a case (立案). */
    /** The flags default to false when left out. */
    public record FileCase(@NotNull PartyKind party, @NotBlank @Size(max = 100) String violation,
                           @NotBlank @Size(max = 300) String legalBasis, Boolean veto,
                           @NotNull @PastOrPresent LocalDate violationEndedOn, Boolean harmToLife, Boolean major,
                           @NotNull @Size(min = 2, max = 10) List<@NotBlank String> investigators) {

        public FileCase {
            veto = Boolean.TRUE.equals(veto);
            harmToLife = Boolean.TRUE.equals(harmToLife);
            major = Boolean.TRUE.equals(major);
        }
    }

    public record NotFiled(@NotBlank @Size(max = 2000) String reason) {
    }

    /** @param kinds the kinds of penalty proposed besides the fine (吊销 …); a fine above zero is always one */
    public record Notice(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal proposedFine,
                         @Size(max = 8) List<@NotNull PenaltyKind> kinds) {

        public Notice {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }
    }

    public record Hearing(@NotBlank String chair, @NotNull LocalDate hearingOn) {
    }

    public record Collective(@NotBlank @Size(max = 500) String minutes) {
    }

    /** @param discretion the table's inputs; with them the computed fine is stored beside the decided one */
    /** @param kinds the kinds of penalty imposed besides the fine, each proposed by the notice */
    public record Decision(@NotNull Outcome outcome, @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal fine,
                           @NotBlank @Size(max = 2000) String reason, @Valid Discretion discretion,
                           @Size(max = 8) List<@NotNull PenaltyKind> kinds) {

        public Decision {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }
    }

    /** A pause of the decision clock, and why. */
    public record Pause(@NotNull PauseReason reason) {
    }

    /** An extension of the decision period: the head's approval, and for the last one the collective minutes. */
    public record Extension(@NotBlank @Size(max = 500) String approval, @Size(max = 500) String collectiveMinutes) {
    }

    /** The party contests the decision. */
    public record Challenge(@NotNull ChallengeKind kind) {
    }

    /** A written demand to pay (催告) and the days it gives. */
    public record Demand(@NotNull @Min(1) @Max(365) Integer periodDays) {
    }

    /** A transfer to the police (移送公安), and why. */
    public record PoliceTransfer(@NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * A penalty decided on the spot in the simple procedure (当场处罚) by the inspector pair; a fine of zero is a
     * warning.
     */
    public record SimpleCase(@NotNull @CreditCode String enterpriseCode, @NotNull PartyKind party,
                             @NotBlank @Size(max = 100) String violation,
                             @NotBlank @Size(max = 300) String legalBasis, Boolean veto,
                             @NotNull @PastOrPresent LocalDate violationEndedOn,
                             @NotNull @Size(min = 2, max = 10) List<@NotBlank String> inspectors,
                             @NotNull @DecimalMin("0") @DecimalMax("999999999999.99")
                             @Digits(integer = 12, fraction = 2) BigDecimal fine,
                             @NotBlank @Size(max = 2000) String reason) {

        public SimpleCase {
            veto = Boolean.TRUE.equals(veto);
        }
    }

    /** The discretion table's inputs for a decision, and why the decided fine differs from the computed one. */
    @Schema(name = "DiscretionInputs")
    public record Discretion(Map<String, String> options, Boolean firstMinorCorrected, Boolean noFault,
                             Boolean mitigation, @Size(max = 2000) String deviationReason) {

        public Discretion {
            options = options == null ? Map.of() : Map.copyOf(options);
            firstMinorCorrected = Boolean.TRUE.equals(firstMinorCorrected);
            noFault = Boolean.TRUE.equals(noFault);
            mitigation = Boolean.TRUE.equals(mitigation);
        }
    }

    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Payment(@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }
}
