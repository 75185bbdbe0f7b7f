package gov.envgov.support.events;

/**
 * An event a service publishes on its feed. Implementations are past-tense records; the record's simple name is the
 * event type on the wire, so renaming one is a contract change.
 */
public interface PublishedEvent {

    String aggregateType();

    String aggregateId();

    default String eventType() {
        return getClass().getSimpleName();
    }
}
