package gov.envgov.enforcement.clue;

import gov.envgov.support.code.CreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What inspectors send about clues. */
public final class ClueRequests {

    private ClueRequests() {
    }

    /** A clue an inspector found otherwise: the unit (if known) and what was found. */
    public record Enter(@CreditCode String enterpriseCode, @NotBlank @Size(max = 2000) String summary) {
    }
}
