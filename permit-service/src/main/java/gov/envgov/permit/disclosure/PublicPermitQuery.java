package gov.envgov.permit.disclosure;

import org.jspecify.annotations.Nullable;

import gov.envgov.permit.permit.PermitClass;

/**
 * Filters of the public permit search; every one optional. {@code text} matches the holder's name, or a prefix of
 * the credit code or permit number. The search covers issued permits (current or ended); a superseded one is shown
 * through its successor.
 */
public record PublicPermitQuery(@Nullable String text, @Nullable String district, @Nullable PermitClass permitClass) {

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
