package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * Online monitoring found an outlet's pollutant above its permitted concentration: one event per episode, at its
 * first exceeding reading. Evidence for enforcement and credit.
 */
public record MonitoringExceedance(UUID episodeId, String enterpriseCode, String outlet, String pollutant,
                                   Instant startedAt, double concentration, double permitted)
        implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Enterprise";
    }

    @Override
    public String aggregateId() {
        return enterpriseCode;
    }
}
