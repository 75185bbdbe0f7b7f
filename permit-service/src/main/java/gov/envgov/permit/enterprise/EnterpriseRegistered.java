package gov.envgov.permit.enterprise;

import gov.envgov.support.events.PublishedEvent;

/** A discharge unit entered the registry. */
public record EnterpriseRegistered(EnterpriseSnapshot enterprise) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Enterprise";
    }

    @Override
    public String aggregateId() {
        return enterprise.code();
    }
}
