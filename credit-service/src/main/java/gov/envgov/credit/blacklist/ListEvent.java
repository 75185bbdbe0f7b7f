package gov.envgov.credit.blacklist;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** Events of the severe-dishonesty list, on credit-service's feed (list entries and exits). */
public sealed interface ListEvent extends PublishedEvent {

    UUID entryId();

    String creditCode();

    @Override
    default String aggregateType() {
        return "list-entry";
    }

    @Override
    default String aggregateId() {
        return entryId().toString();
    }

    record ListingNoticed(UUID entryId, String creditCode, ListSeverity severity, LocalDate respondBy)
            implements ListEvent {
    }

    record SevereDishonestyListed(UUID entryId, String creditCode, ListSeverity severity, String legalBasis,
                                  LocalDate listedOn, LocalDate minUntil, LocalDate maxUntil) implements ListEvent {
    }

    record SevereDishonestyRemoved(UUID entryId, String creditCode, LocalDate removedOn, String reason)
            implements ListEvent {
    }
}
