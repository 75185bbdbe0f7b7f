package gov.envgov.enforcement.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * The events of inspections, published on enforcement-service's feed (credit-service takes the results, 条例 Art 25).
 * Each record's simple name is its type on the wire. An inspection under way names no unit: the drawn list stays
 * confidential until the inspection is done.
 */
public sealed interface InspectionEvent extends PublishedEvent {

    UUID taskId();

    @Override
    default String aggregateType() {
        return "inspection";
    }

    @Override
    default String aggregateId() {
        return taskId().toString();
    }

    /** An inspection of a drawn unit started, on site or off site. */
    record InspectionStarted(UUID taskId, UUID drawId, InspectionMode mode) implements InspectionEvent {
    }

    /**
     * An inspection was completed: the unit, the result and the items it failed (catalogue ids). Its results are
     * public from {@code publishedOn}, no later than {@code resultsDue}.
     */
    record InspectionCompleted(UUID taskId, UUID drawId, String enterpriseCode, InspectionResult result,
                               List<String> failedItems, InspectionMode mode, LocalDate completedOn,
                               LocalDate publishedOn, LocalDate resultsDue) implements InspectionEvent {

        public InspectionCompleted {
            failedItems = List.copyOf(failedItems);
        }
    }
}
