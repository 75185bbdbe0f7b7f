package gov.envgov.enforcement.inspector;

import java.time.LocalDate;

import gov.envgov.support.code.CreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What callers send to the inspector pool. */
public final class InspectorRequests {

    private InspectorRequests() {
    }

    /** @param username the inspector's Keycloak user, if they sign in */
    public record Enrol(@Size(max = 100) String username, @NotBlank @Size(max = 100) String name,
                        @NotBlank @Pattern(regexp = "^[0-9A-Z]{6,20}$",
                                message = "must be the credential number: 6 to 20 digits or capital letters")
                        String credentialNumber,
                        @NotNull LocalDate validUntil, String district, @NotBlank @Size(max = 100) String department) {
    }

    public record Declare(@NotNull @CreditCode String enterpriseCode, @NotNull RelationKind kind,
                          @Size(max = 500) String note) {
    }
}
