-- Compliance is judged on means of valid data (PERMIT-COMPLIANCE-ON-MEANS). Each reading carries the analyser's
-- data flag (HJ 212 style: N normal; F start-up/shutdown, M maintenance, C calibration, D fault, B communication
-- loss); flagged readings are kept but left out of means and episodes.
ALTER TABLE monitoring_reading ADD COLUMN flag text NOT NULL DEFAULT 'N'
    CHECK (flag IN ('N', 'F', 'M', 'C', 'D', 'B'));

-- The standard that sets each limit: it says whether the limit is judged on hourly or daily means.
ALTER TABLE permit_limit ADD COLUMN standard text;
UPDATE permit_limit l SET standard = c.standard
FROM (SELECT p.id, o ->> 'code' AS outlet, pp ->> 'pollutant' AS pollutant,
             pp -> 'concentration' ->> 'standard' AS standard
      FROM permit p, jsonb_array_elements(p.content -> 'outlets') o, jsonb_array_elements(o -> 'pollutants') pp) c
WHERE c.id = l.permit_id AND c.outlet = l.outlet AND c.pollutant = l.pollutant;

-- Judged means: one row per series, averaging and closed period (a period is closed once the series has a reading
-- at or after its end), of valid data only. Hourly means of waste gas, daily means of every series (the daily
-- trigger counts them), episodes from the averaging the limit's standard says. load is the mean of
-- concentration x flow times the period's hours (exceeding periods included: they count toward the annual
-- quantity); null without flow data.
CREATE TABLE compliance_mean (
    enterprise_code text             NOT NULL,
    outlet          text             NOT NULL,
    pollutant       text             NOT NULL,
    averaging       text             NOT NULL CHECK (averaging IN ('HOUR', 'DAY')),
    period_start    timestamptz      NOT NULL,
    mean            double precision NOT NULL,
    permitted       double precision NOT NULL,
    valid_readings  integer          NOT NULL,
    exceeds         boolean          NOT NULL,
    load            double precision,
    PRIMARY KEY (enterprise_code, outlet, pollutant, averaging, period_start)
);

-- The "daily means over the limit on N of M days" trigger, once per series and window.
CREATE TABLE supervision_trigger (
    enterprise_code text    NOT NULL,
    outlet          text    NOT NULL,
    pollutant       text    NOT NULL,
    window_end      date    NOT NULL,
    days_over       integer NOT NULL,
    PRIMARY KEY (enterprise_code, outlet, pollutant, window_end)
);
