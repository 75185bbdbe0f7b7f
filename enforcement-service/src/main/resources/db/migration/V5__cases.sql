-- Enforcement cases through the ordinary procedure. Facts and the procedure's record are documents of the aggregate;
-- the columns beside them are what queues and ownership checks read.
CREATE TABLE enforcement_case (
    id              uuid        PRIMARY KEY,
    clue_id         uuid        UNIQUE REFERENCES clue (id),
    enterprise_code text        NOT NULL,
    status          text        NOT NULL,
    facts           jsonb       NOT NULL,
    procedure       jsonb       NOT NULL,
    next_due        date,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL
);
-- The inspectors' queue: open cases, the nearest deadline first.
CREATE INDEX enforcement_case_queue ON enforcement_case (next_due, created_at);
CREATE INDEX enforcement_case_enterprise ON enforcement_case (enterprise_code);
