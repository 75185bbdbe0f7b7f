package gov.envgov.enforcement.positivelist;

import java.time.LocalDate;

/**
 * A unit's place on the positive list: its current term, or its last one with the day and the reason it ended.
 *
 * @param removedOn the day it left the list, or null while it is on it
 */
public record PositiveListEntry(String enterpriseCode, LocalDate listedOn, LocalDate listedUntil, LocalDate removedOn,
                                String removalReason) {

    public boolean isListed() {
        return removedOn == null;
    }
}
