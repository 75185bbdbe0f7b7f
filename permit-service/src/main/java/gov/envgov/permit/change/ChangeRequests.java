package gov.envgov.permit.change;

import gov.envgov.permit.permit.PermitContent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of an administrative change, as request bodies. */
public final class ChangeRequests {

    private ChangeRequests() {
    }

    /** An administrative change of an issued permit; the content may keep or lower the limits, nothing more. */
    public record ChangePermit(@NotBlank @Size(max = 200) String holderName, @Size(max = 200) String address,
                               @Size(max = 50) String legalRepresentative, @NotNull @Valid PermitContent content,
                               @NotNull Long version, java.time.LocalDate changedOn) {

        public ChangePermit(String holderName, String address, String legalRepresentative, PermitContent content,
                            Long version) {
            this(holderName, address, legalRepresentative, content, version, null);
        }

        PermitChange toChange() {
            return new PermitChange(holderName, address, legalRepresentative, content, version, changedOn, null);
        }
    }

    @Schema(name = "RejectChange")
    public record Reject(@NotBlank @Size(max = 2000) String reason) {
    }
}
