package gov.envgov.enforcement.inspection;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.enforcement.catalogue.InspectionItem;

/**
 * One item of an inspection's checklist, chosen from the catalogue when the inspection starts.
 *
 * @param legalBasis the item's citations as they read when the inspection started
 * @param finding what was found, told to the enterprise and, for a failed item, published with the results
 * @param note the inspectors' internal note: never shown to the enterprise or the public
 * @param checkedBy the inspector who recorded the outcome
 */
public record CheckedItem(String itemId, String title, String legalBasis, ItemOutcome outcome, String finding,
                          String note, UUID checkedBy, Instant checkedAt) {

    static CheckedItem pending(InspectionItem item) {
        return new CheckedItem(item.id(), item.title(), item.legalBasisText(), ItemOutcome.PENDING, null, null, null,
                null);
    }

    CheckedItem checked(ItemOutcome next, String nextFinding, String nextNote, UUID inspector, Instant at) {
        return new CheckedItem(itemId, title, legalBasis, next, nextFinding, nextNote, inspector, at);
    }
}
