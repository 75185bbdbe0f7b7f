package gov.envgov.permit.permit;

import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * An event on a permit's stream: its aggregate is the permit, and it names the holder. Permit events and the
 * execution-report events share the stream, so consumers see one permit's history in order.
 */
public interface OnPermitStream extends PublishedEvent {

    UUID permitId();

    String enterpriseCode();

    @Override
    default String aggregateType() {
        return "Permit";
    }

    @Override
    default String aggregateId() {
        return permitId().toString();
    }
}
