-- Quarterly rectification reports (CRD-RECTIFICATION-QUARTERLY): one per subject and quarter, owed because of the
-- grade in force of a period.
CREATE TABLE rectification_report (
    id            uuid         PRIMARY KEY,
    subject_code  text         NOT NULL,
    subject_name  text         NOT NULL,
    period        integer      NOT NULL,
    grade         text         NOT NULL,
    quarter       text         NOT NULL,
    quarter_end   date         NOT NULL,
    due_on        date         NOT NULL,
    status        text         NOT NULL,
    content       text,
    evidence      jsonb        NOT NULL DEFAULT '[]',
    filed_on      date,
    filed_by      text,
    late          boolean      NOT NULL DEFAULT false,
    review_note   text,
    reviewed_by   text,
    reviewed_on   date,
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    UNIQUE (subject_code, quarter)
);
CREATE INDEX rectification_report_queue ON rectification_report (status, due_on);
