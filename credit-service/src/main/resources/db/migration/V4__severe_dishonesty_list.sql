-- The severe-dishonesty list: prior notice, response, listing for a minimum and maximum period, removal.
CREATE TABLE list_entry (
    id           uuid        PRIMARY KEY,
    subject_code text        NOT NULL,
    subject_name text        NOT NULL,
    severity     text        NOT NULL,
    legal_basis  text        NOT NULL CHECK (legal_basis <> ''),
    facts        text        NOT NULL,
    noticed_on   date        NOT NULL,
    respond_by   date        NOT NULL,
    response     text,
    status       text        NOT NULL,
    listed_on    date,
    min_until    date,
    max_until    date,
    removed_on   date,
    reason       text,
    proposed_by  text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL
);
CREATE INDEX list_entry_status ON list_entry (status, listed_on DESC);
CREATE INDEX list_entry_subject ON list_entry (subject_code);
CREATE INDEX list_entry_expiry ON list_entry (max_until) WHERE max_until IS NOT NULL;
