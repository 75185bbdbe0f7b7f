-- Clues (案源): every lead for an enforcement case, from other services' events, failed inspections or inspectors.
CREATE TABLE clue (
    id              uuid        PRIMARY KEY,
    source          text        NOT NULL,
    -- The event a clue came from: one clue per source event, however often the event is delivered.
    source_event_id uuid        UNIQUE,
    enterprise_code text,
    district        text,
    summary         text        NOT NULL,
    details         jsonb       NOT NULL,
    status          text        NOT NULL,
    received_on     date        NOT NULL,
    filing_due      date        NOT NULL,
    received_at     timestamptz NOT NULL,
    entered_by      text        NOT NULL
);
-- The inspectors' queue: open clues, the earliest filing deadline first.
CREATE INDEX clue_open_by_due ON clue (filing_due, received_at) WHERE status = 'OPEN';
CREATE INDEX clue_enterprise ON clue (enterprise_code);
