-- Data anomalies (PERMIT-DATA-ANOMALY): signals the bureau sees and enforcement can use. An outlet silent longer
-- than configured, constant values over a configured run, values outside the analyser's range. One open anomaly
-- per series and kind; it ends when the data is normal again.
CREATE TABLE monitoring_series (
    enterprise_code text        NOT NULL,
    outlet          text        NOT NULL,
    pollutant       text        NOT NULL,
    last_reading    timestamptz NOT NULL,
    PRIMARY KEY (enterprise_code, outlet, pollutant)
);
CREATE INDEX monitoring_series_last ON monitoring_series (last_reading);
INSERT INTO monitoring_series (enterprise_code, outlet, pollutant, last_reading)
SELECT enterprise_code, outlet, pollutant, max(measured_at) FROM monitoring_reading
WHERE NOT without_permit GROUP BY 1, 2, 3;

CREATE TABLE data_anomaly (
    id              uuid        PRIMARY KEY,
    enterprise_code text        NOT NULL,
    outlet          text        NOT NULL,
    pollutant       text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('SILENT', 'CONSTANT', 'OUT_OF_RANGE')),
    started_at      timestamptz NOT NULL,
    detected_at     timestamptz NOT NULL,
    detail          text        NOT NULL,
    ended_at        timestamptz
);
CREATE UNIQUE INDEX data_anomaly_open ON data_anomaly (enterprise_code, outlet, pollutant, kind)
    WHERE ended_at IS NULL;
CREATE INDEX data_anomaly_enterprise ON data_anomaly (enterprise_code, detected_at);
CREATE INDEX data_anomaly_detected ON data_anomaly (detected_at);
