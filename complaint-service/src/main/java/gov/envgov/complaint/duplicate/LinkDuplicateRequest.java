package gov.envgov.complaint.duplicate;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Confirms that a complaint reports the same facts as {@code masterId}. */
record LinkDuplicateRequest(@NotNull UUID masterId) {
}
