-- Dispatch, handling, reply and follow-up (一网转办、一网处理、一网回复), and the SLA due date of each complaint.
ALTER TABLE complaint
    ADD COLUMN type          text    NOT NULL DEFAULT 'COMPLAINT',
    ADD COLUMN due_date      date,
    ADD COLUMN handling_unit text,
    ADD COLUMN return_reason text,
    ADD COLUMN substantiated boolean,
    ADD COLUMN findings      text,
    ADD COLUMN reply         text,
    ADD COLUMN satisfaction  text,
    ADD COLUMN solved        boolean,
    ADD COLUMN reopen_count  integer NOT NULL DEFAULT 0;
CREATE INDEX complaint_queue ON complaint (handling_unit, status, due_date);
