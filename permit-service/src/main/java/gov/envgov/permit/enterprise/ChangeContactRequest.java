package gov.envgov.permit.enterprise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Replaces the environmental contact (the enterprise itself, or staff). */
public record ChangeContactRequest(@NotNull @Positive Long version, @NotNull @Valid Contact contact) {
}
