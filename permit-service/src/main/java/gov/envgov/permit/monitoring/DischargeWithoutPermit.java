package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * Online monitoring received readings of an outlet of a unit that holds no valid permit on their day: discharging
 * without a permit (排污许可管理条例 Art 33). One event per outlet and episode, when the episode begins. Consumed by
 * credit-service ({@code enterpriseCode}, {@code detectedOn}) and enforcement-service.
 *
 * @param episodeId  the episode, stable: a consumer applies it once
 * @param detectedOn the bureau's local day of the episode's first reading
 * @param startedAt  the episode's first reading
 */
public record DischargeWithoutPermit(UUID episodeId, String enterpriseCode, String outlet, LocalDate detectedOn,
                                     Instant startedAt) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "Enterprise";
    }

    @Override
    public String aggregateId() {
        return enterpriseCode;
    }
}
