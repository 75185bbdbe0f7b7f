package gov.envgov.permit.enterprise;

import gov.envgov.support.events.PublishedEvent;

/** A discharge unit's registry data changed; the snapshot is the whole new state. */
public record EnterpriseChanged(EnterpriseSnapshot enterprise) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Enterprise";
    }

    @Override
    public String aggregateId() {
        return enterprise.code();
    }
}
