package gov.envgov.enforcement.clue;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** Events of clues, published on enforcement-service's feed. */
public sealed interface ClueEvent extends PublishedEvent {

    UUID clueId();

    @Override
    default String aggregateType() {
        return "clue";
    }

    @Override
    default String aggregateId() {
        return clueId().toString();
    }

    /** A lead arrived; the decision whether to file a case is due by {@code filingDue}. */
    record ClueReceived(UUID clueId, ClueSource source, String enterpriseCode, LocalDate filingDue)
            implements ClueEvent {
    }
}
