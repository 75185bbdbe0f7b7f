-- Credit repair applications and their review: the conditions as checked, the decision, the version it made.
CREATE TABLE credit_repair (
    id            uuid        PRIMARY KEY,
    subject_code  text        NOT NULL,
    period        integer,
    records       uuid[]      NOT NULL,
    list_entry_id uuid,
    statement     text        NOT NULL,
    evidence      jsonb       NOT NULL,
    status        text        NOT NULL,
    filed_at      timestamptz NOT NULL,
    filed_by      text        NOT NULL,
    conditions    jsonb,
    decision      text,
    decided_by    text,
    decided_on    date,
    new_version   integer
);
CREATE INDEX credit_repair_subject ON credit_repair (subject_code, filed_at DESC);
CREATE INDEX credit_repair_status ON credit_repair (status, filed_at);
