package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * Online monitoring found a data anomaly (PERMIT-DATA-ANOMALY): an outlet silent too long ({@code SILENT}),
 * constant values ({@code CONSTANT}), or a value outside the analyser's range ({@code OUT_OF_RANGE}). One event per
 * anomaly, when it is detected; a signal for enforcement (智能化监管 of 超标异常数值).
 */
public record MonitoringDataAnomaly(UUID anomalyId, String enterpriseCode, String outlet, String pollutant,
                                    AnomalyKind kind, Instant startedAt, String detail) implements PublishedEvent {

    static MonitoringDataAnomaly of(DataAnomaly anomaly) {
        return new MonitoringDataAnomaly(anomaly.id(), anomaly.enterpriseCode(), anomaly.outlet(),
                anomaly.pollutant(), anomaly.kind(), anomaly.startedAt(), anomaly.detail());
    }

    @Override
    public String aggregateType() {
        return "Enterprise";
    }

    @Override
    public String aggregateId() {
        return enterpriseCode;
    }
}
