-- Evaluations of a period, their frozen results (one row per subject and version, never updated) and objections.
CREATE TABLE credit_evaluation (
    id             uuid        PRIMARY KEY,
    period         integer     NOT NULL UNIQUE,
    scheme_version text        NOT NULL,
    status         text        NOT NULL,
    preliminary_on date        NOT NULL,
    objection_ends date        NOT NULL,
    approved_on    date,
    approved_by    text,
    final_due      date,
    published_on   date,
    started_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL
);
CREATE INDEX credit_evaluation_due ON credit_evaluation (final_due) WHERE published_on IS NULL;

CREATE TABLE credit_result (
    evaluation_id uuid        NOT NULL REFERENCES credit_evaluation (id),
    period        integer     NOT NULL,
    subject_code  text        NOT NULL,
    subject_name  text        NOT NULL,
    version       integer     NOT NULL,
    score         integer     NOT NULL,
    grade         text        NOT NULL,
    veto          boolean     NOT NULL,
    reason        text        NOT NULL,
    explanation   jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (evaluation_id, subject_code, version)
);
CREATE INDEX credit_result_subject ON credit_result (subject_code, period DESC, version DESC);

-- A result, once written, is what was published: a correction or a repair is a new version, never an edit.
CREATE FUNCTION credit_result_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credit_result is append-only: a change is a new version';
END $$;
CREATE TRIGGER credit_result_no_update BEFORE UPDATE OR DELETE ON credit_result
    FOR EACH ROW EXECUTE FUNCTION credit_result_append_only();

CREATE TABLE credit_objection (
    id               uuid        PRIMARY KEY,
    evaluation_id    uuid        NOT NULL REFERENCES credit_evaluation (id),
    period           integer     NOT NULL,
    subject_code     text        NOT NULL,
    result_version   integer     NOT NULL,
    reasons          text        NOT NULL,
    evidence         jsonb       NOT NULL,
    disputed_records uuid[]      NOT NULL,
    status           text        NOT NULL,
    filed_by         text        NOT NULL,
    filed_at         timestamptz NOT NULL,
    answer           text,
    answered_by      text,
    answered_at      timestamptz,
    new_version      integer
);
CREATE INDEX credit_objection_evaluation ON credit_objection (evaluation_id, status);
CREATE INDEX credit_objection_subject ON credit_objection (subject_code, filed_at DESC);
