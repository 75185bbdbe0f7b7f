package gov.envgov.credit.rectification;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an enterprise files and what a credit officer answers. */
public final class RectificationRequests {

    private RectificationRequests() {
    }

    /** The report: what was rectified this quarter, and the files it rests on (none is fine). */
    public record File(@NotBlank @Size(max = 4000) String content,
                       @Size(max = 20) List<@Valid @NotNull EvidenceItem> evidence) {

        public File {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    @Schema(name = "RectificationEvidenceItem")
    public record EvidenceItem(@NotBlank @Size(max = 200) String name,
                               @NotBlank @Pattern(regexp = "[0-9a-f]{64}",
                                       message = "a SHA-256 as 64 lower-case hex digits") String sha256) {
    }

    /** Accepted, or returned with a note saying what is missing. */
    @Schema(name = "RectificationReview")
    public record Review(@NotNull Boolean accepted, @Nullable @Size(max = 2000) String note) {
    }
}
