package gov.envgov.enforcement.measure;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What inspectors send about side measures. */
public final class MeasureRequests {

    private MeasureRequests() {
    }

    /** A daily continuous penalty starts with the order to correct, served on a day. */
    public record DailyPenalty(@NotNull LocalDate orderServedOn) {
    }

    /** Sealing or a production limit from a day. */
    public record Limited(@NotNull LocalDate startedOn) {
    }

    /** A re-inspection; {@code continuing} and {@code refused} default to false. */
    public record Reinspect(@NotNull LocalDate on, @NotNull Boolean covert, Boolean continuing, Boolean refused) {
    }

    public record Extend(@NotBlank @Size(max = 1000) String reason) {
    }

    public record Testing(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    public record End(@NotNull LocalDate on, @NotBlank @Size(max = 1000) String reason) {
    }
}
