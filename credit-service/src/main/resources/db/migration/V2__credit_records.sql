-- Credit records: each behaviour that counts, with its source event, its rule and deduction under the scheme version
-- of its period, and the day it had to be entered by. One record per source event (the unique key), written in the
-- transaction that advances the feed cursor.
CREATE TABLE credit_record (
    id                uuid             PRIMARY KEY,
    subject_code      text             NOT NULL,
    period            integer          NOT NULL,
    origin            text             NOT NULL,
    producer          text,
    feed              text,
    source_position   bigint,
    source_event_id   uuid             UNIQUE,
    event_type        text             NOT NULL,
    case_id           uuid,
    occurred_on       date             NOT NULL,
    known_on          date             NOT NULL,
    measure           double precision,
    flagged           boolean          NOT NULL,
    scheme_version    text             NOT NULL,
    rule              text,
    indicator         text,
    severity          text,
    points            integer          NOT NULL,
    veto_code         text,
    summary           text             NOT NULL,
    details           jsonb            NOT NULL,
    evidence          jsonb            NOT NULL,
    enter_by          date             NOT NULL,
    entered_on        date             NOT NULL,
    entered_at        timestamptz      NOT NULL,
    entered_by        text             NOT NULL,
    status            text             NOT NULL,
    status_reason     text,
    status_changed_at timestamptz,
    CHECK ((origin = 'FEED') = (source_event_id IS NOT NULL))
);
CREATE INDEX credit_record_period ON credit_record (period, subject_code, status);
CREATE INDEX credit_record_subject ON credit_record (subject_code, period, occurred_on DESC);
CREATE INDEX credit_record_case ON credit_record (case_id) WHERE case_id IS NOT NULL;
