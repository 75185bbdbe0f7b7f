package gov.envgov.credit.blacklist;

import gov.envgov.support.code.CreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What credit officers and noticed subjects send about the list. */
public final class ListRequests {

    private ListRequests() {
    }

    /** A proposed entry: the subject, the severity, the legal basis and the facts (kept from the public list). */
    public record Propose(@NotNull @CreditCode String subjectCode, @NotNull ListSeverity severity,
                          @NotBlank @Size(max = 500) String legalBasis, @NotBlank @Size(max = 4000) String facts) {
    }

    public record Respond(@NotBlank @Size(max = 4000) String response) {
    }

    public record Drop(@NotBlank @Size(max = 2000) String reason) {
    }
}
