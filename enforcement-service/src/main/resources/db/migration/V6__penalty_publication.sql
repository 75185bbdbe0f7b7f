-- Penalty decisions as the public reads them (行政处罚决定公开): redacted, published within 7 working days of the
-- decision, withdrawn within 3 working days when changed or annulled; the withdrawal stays public too.
CREATE TABLE penalty_publication (
    case_id           uuid        PRIMARY KEY,
    enterprise_code   text,
    party             text        NOT NULL,
    district          text,
    violation         text        NOT NULL,
    legal_basis       text        NOT NULL,
    fine              numeric(14, 2) NOT NULL,
    summary           text        NOT NULL,
    decided_on        date        NOT NULL,
    published_on      date        NOT NULL,
    publish_due       date        NOT NULL,
    withdrawn_on      date,
    withdrawal_reason text
);
CREATE INDEX penalty_publication_newest ON penalty_publication (decided_on DESC, case_id);
CREATE INDEX penalty_publication_enterprise ON penalty_publication (enterprise_code);
