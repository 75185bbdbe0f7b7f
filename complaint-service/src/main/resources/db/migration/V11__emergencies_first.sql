-- Emergencies are dispatched within the hour: they lead the operator's queue whatever their due date.
ALTER TABLE complaint
    ADD COLUMN priority smallint GENERATED ALWAYS AS (CASE WHEN type = 'EMERGENCY' THEN 0 ELSE 1 END) STORED;
DROP INDEX complaint_operator_queue;
CREATE INDEX complaint_operator_queue ON complaint (priority, due_date, registered_at, id)
    WHERE status IN ('REGISTERED', 'RETURNED', 'REPLIED', 'FOLLOWED_UP');
