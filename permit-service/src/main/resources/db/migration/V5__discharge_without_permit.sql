-- Readings from a unit without a valid permit are evidence of discharging without a permit (条例 Art 33): kept and
-- marked, never discarded. They have no permitted concentration.
ALTER TABLE monitoring_reading ALTER COLUMN permitted DROP NOT NULL;
ALTER TABLE monitoring_reading ADD COLUMN without_permit boolean NOT NULL DEFAULT false;

-- Episodes of discharge without a permit: readings of one outlet no further apart than the configured gap are one
-- episode, published once as DischargeWithoutPermit.
CREATE TABLE unpermitted_discharge_episode (
    id              uuid        PRIMARY KEY,
    enterprise_code text        NOT NULL,
    outlet          text        NOT NULL,
    started_at      timestamptz NOT NULL,
    last_reading    timestamptz NOT NULL,
    ended_at        timestamptz,
    readings        integer     NOT NULL
);
CREATE UNIQUE INDEX unpermitted_discharge_episode_open ON unpermitted_discharge_episode (enterprise_code, outlet)
    WHERE ended_at IS NULL;
CREATE INDEX unpermitted_discharge_episode_enterprise ON unpermitted_discharge_episode (enterprise_code, started_at);
