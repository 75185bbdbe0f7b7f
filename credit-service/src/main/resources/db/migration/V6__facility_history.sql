-- The facility history (CRD-FACILITY-REPORT): every event of the permit, complaint and enforcement feeds that the
-- public facility report shows, one row per source event (the unique key), written in the transaction that advances
-- the feed cursor. Only what may be published is kept: a substantiated complaint keeps its category, not its
-- findings. A withdrawn decision marks the facts of its case withdrawn; they stay in the history.
CREATE TABLE facility_fact (
    source_event_id  uuid         PRIMARY KEY,
    producer         text         NOT NULL,
    subject_code     text         NOT NULL,
    category         text         NOT NULL,
    event_type       text         NOT NULL,
    ref_id           text,
    occurred_on      date         NOT NULL,
    severity         text         NOT NULL,
    summary          text         NOT NULL,
    withdrawn_on     date,
    received_at      timestamptz  NOT NULL
);
CREATE INDEX facility_fact_subject ON facility_fact (subject_code, occurred_on DESC, source_event_id);
CREATE INDEX facility_fact_ref ON facility_fact (ref_id) WHERE ref_id IS NOT NULL;

-- Pinned reports: the exact bytes served, addressed by their SHA-256, never changed (CRD-FACILITY-SNAPSHOT).
CREATE TABLE facility_snapshot (
    sha256        text         PRIMARY KEY,
    subject_code  text         NOT NULL,
    as_of         date         NOT NULL,
    body          bytea        NOT NULL,
    pinned_at     timestamptz  NOT NULL
);
CREATE INDEX facility_snapshot_subject ON facility_snapshot (subject_code, pinned_at DESC);

CREATE FUNCTION facility_snapshot_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a pinned facility report is never changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER facility_snapshot_append_only BEFORE UPDATE OR DELETE ON facility_snapshot
    FOR EACH ROW EXECUTE FUNCTION facility_snapshot_immutable();
