package gov.envgov.complaint.sla;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Approve an extension before the deadline; the reason is told to the complainant. */
record ExtendRequest(@NotNull LocalDate dueDate, @NotBlank @Size(max = 1000) String reason) {
}
