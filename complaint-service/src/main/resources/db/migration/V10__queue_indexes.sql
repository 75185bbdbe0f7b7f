-- Work queues stay fast with millions of complaints, most of them closed: partial indexes hold only the open work,
-- in queue order (earliest due first).
CREATE INDEX complaint_operator_queue ON complaint (due_date, registered_at, id)
    WHERE status IN ('REGISTERED', 'RETURNED', 'REPLIED', 'FOLLOWED_UP');
CREATE INDEX complaint_unit_queue ON complaint (handling_unit, due_date, registered_at, id)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'HANDLED');
