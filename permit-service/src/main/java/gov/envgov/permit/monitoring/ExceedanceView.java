package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.UUID;

/** An exceedance episode: when it began and ended (null while open), its peak and how many readings it holds. */
public record ExceedanceView(UUID id, String enterpriseCode, String outlet, String pollutant, double permitted,
                             Instant startedAt, Instant lastExceeding, Instant endedAt, double peak, int readings) {

    static ExceedanceView from(Episode e) {
        return new ExceedanceView(e.id(), e.enterpriseCode(), e.outlet(), e.pollutant(), e.permitted(),
                e.startedAt(), e.lastExceeding(), e.endedAt(), e.peak(), e.readings());
    }
}
