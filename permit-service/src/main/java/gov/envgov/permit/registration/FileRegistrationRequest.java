package gov.envgov.permit.registration;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * Files or re-files a registration form; a re-filing names the day of the change it reports.
 *
 * @param version the version being replaced (0 for the first filing), so two re-filings cannot cross
 */
public record FileRegistrationRequest(@NotNull @Valid RegistrationForm form, @PastOrPresent LocalDate changedOn,
                                      @NotNull Integer version) {
}
