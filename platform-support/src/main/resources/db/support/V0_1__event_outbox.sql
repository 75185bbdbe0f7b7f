-- Transactional outbox: written in the same transaction as the state change it reports.
-- position stays NULL until the feed's single sequencer numbers the row after it committed (see EventFeed).
CREATE TABLE event_outbox (
    id             bigserial   PRIMARY KEY,
    position       bigint      UNIQUE,
    event_id       uuid        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    payload        jsonb       NOT NULL
);
CREATE INDEX event_outbox_unsequenced ON event_outbox (id) WHERE position IS NULL;

-- Where each consumer stands in each producer's feed; advanced in the transaction that applies the events.
CREATE TABLE event_cursor (
    consumer   text        NOT NULL,
    producer   text        NOT NULL,
    position   bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, producer)
);
