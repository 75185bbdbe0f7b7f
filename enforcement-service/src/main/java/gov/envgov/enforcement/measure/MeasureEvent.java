package gov.envgov.enforcement.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/** The events of side measures, published on enforcement-service's feed; each record's simple name is its type. */
public sealed interface MeasureEvent extends PublishedEvent {

    UUID measureId();

    UUID caseId();

    @Override
    default String aggregateType() {
        return "case";
    }

    @Override
    default String aggregateId() {
        return caseId().toString();
    }

    /** A side measure started; {@code due} is its clock: the re-inspection, or the last day it may last. */
    record SideMeasureStarted(UUID measureId, UUID caseId, String enterpriseCode, MeasureKind kind,
                              LocalDate startedOn, LocalDate due) implements MeasureEvent {
    }

    /** A re-inspection found the violation going on: the penalty it adds and the total so far. */
    record DailyPenaltyAssessed(UUID measureId, UUID caseId, String enterpriseCode, LocalDate reinspectedOn,
                                long days, BigDecimal amount, BigDecimal total) implements MeasureEvent {
    }

    /** Sealing or a production limit extended once, or its clock moved by testing time not counted. */
    record SideMeasureExtended(UUID measureId, UUID caseId, String enterpriseCode, LocalDate endsOn, String reason)
            implements MeasureEvent {
    }

    /**
     * ENF-MEASURE-CLOCK: a measure's deadline passed while it is active: a re-inspection not made in time, or sealing
     * or a limit that must be lifted.
     */
    record MeasureDeadlinePassed(UUID measureId, UUID caseId, String enterpriseCode, MeasureKind kind,
                                 LocalDate due) implements MeasureEvent {
    }

    record SideMeasureEnded(UUID measureId, UUID caseId, String enterpriseCode, MeasureKind kind, LocalDate endedOn,
                            String reason) implements MeasureEvent {
    }
}
