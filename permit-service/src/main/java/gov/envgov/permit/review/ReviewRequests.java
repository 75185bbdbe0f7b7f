package gov.envgov.permit.review;

import gov.envgov.permit.permit.PermitContent;
import gov.envgov.support.code.CreditCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of an application's way to a decision, as request bodies. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** An enterprise applies for a permit for itself; the application starts as a draft. */
    public record ApplyForPermit(@NotNull @CreditCode String enterpriseCode,
                                 @NotNull @Valid PermitContent content,
                                 @Size(max = 200) String address,
                                 @Size(max = 50) String legalRepresentative) {
    }

    /** Changes a draft, or an application sent back for a supplement. */
    public record EditApplication(@NotNull @Valid PermitContent content, @Size(max = 200) String address,
                                  @Size(max = 50) String legalRepresentative, @NotNull Long version) {
    }

    public record RequestSupplement(@NotBlank @Size(max = 2000) String request) {
    }

    public record Issue(@Size(max = 2000) String note) {
    }

    @Schema(name = "RejectApplication")
    public record Reject(@NotBlank @Size(max = 2000) String reason) {
    }
}
