-- The day a complaint's time limit counts from (receipt: a letter's arrival, else filing; or the day a reopened
-- complaint went back to its unit) and the working days its clock stood still: the ceiling counts from the first,
-- and a due date is counted again from both when a year's holiday schedule changes. Complaints registered before
-- this keep NULL: their start is not known, and their due dates are not recounted.
ALTER TABLE complaint
    ADD COLUMN clock_started_on date,
    ADD COLUMN paused_days      integer NOT NULL DEFAULT 0;

-- Every access to a complainant's identity (Environmental Protection Law art. 57): who saw it, masked or in full,
-- of which complaint, when. Written beside the access, never updated.
CREATE TABLE complainant_access (
    id           bigserial   PRIMARY KEY,
    complaint_id uuid        NOT NULL REFERENCES complaint (id),
    actor        text        NOT NULL,
    view         text        NOT NULL,
    accessed_at  timestamptz NOT NULL
);
CREATE INDEX complainant_access_complaint ON complainant_access (complaint_id, accessed_at);

-- Rewards for reports (有奖举报): one per complaint; proposed by one officer, approved by another, paid. The amount
-- is kept here and never published beside a name.
CREATE TABLE complaint_reward (
    id                uuid        PRIMARY KEY,
    complaint_id      uuid        NOT NULL UNIQUE REFERENCES complaint (id),
    status            text        NOT NULL,
    severity          text        NOT NULL,
    amount_yuan       integer     NOT NULL,
    grounds           text        NOT NULL,
    proposed_by       text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    refusal_reason    text,
    payment_reference text,
    paid_by           text,
    paid_at           timestamptz,
    version           bigint      NOT NULL
);
CREATE INDEX complaint_reward_status ON complaint_reward (status, proposed_at);
