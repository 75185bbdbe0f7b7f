-- The unit that last returned a complaint (退单), kept with the reason after it is dispatched again so that it is not
-- sent back to that unit without the operator saying so; and who gave the follow-up of the current answer (the
-- complainant online or an operator's call), so that it is given once.
ALTER TABLE complaint
    ADD COLUMN returned_by  text,
    ADD COLUMN follow_up_by text;

-- A handling unit's request for more time, decided by an operator: approved (the due date moves by the approved
-- working days) or refused. At most one waits for a decision per complaint.
CREATE TABLE complaint_extension_request (
    id             uuid        PRIMARY KEY,
    complaint_id   uuid        NOT NULL REFERENCES complaint (id),
    unit           text        NOT NULL,
    requested_by   text        NOT NULL,
    working_days   integer     NOT NULL CHECK (working_days > 0),
    reason         text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    status         text        NOT NULL,
    decided_by     text,
    decided_at     timestamptz,
    approved_days  integer,
    decision_note  text,
    due_date_after date
);
CREATE UNIQUE INDEX complaint_extension_one_pending ON complaint_extension_request (complaint_id)
    WHERE status = 'PENDING';
CREATE INDEX complaint_extension_by_status ON complaint_extension_request (status, requested_at, id);
CREATE INDEX complaint_extension_by_complaint ON complaint_extension_request (complaint_id, requested_at);
