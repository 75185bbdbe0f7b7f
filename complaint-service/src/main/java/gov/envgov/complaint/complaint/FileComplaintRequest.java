package gov.envgov.complaint.complaint;

import gov.envgov.support.code.CreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Files a complaint. {@code receivedOn} is for letters only: the day the letter arrived, from which its clock runs.
 */
public record FileComplaintRequest(
        ComplaintType type,
        Channel channel,
        @NotNull Category category,
        @NotBlank @Size(min = 5, max = 4000) String description,
        @NotBlank String district,
        @CreditCode String enterpriseCode,
        @Size(max = 300) String address,
        @Valid Location location,
        @Valid Complainant complainant,
        @PastOrPresent java.time.LocalDate receivedOn) {

    /** A complaint or report unless the caller says otherwise. */
    ComplaintType typeOrDefault() {
        return type == null ? ComplaintType.COMPLAINT : type;
    }
}
