-- Administrative changes an enterprise applies for; a reviewer approves or rejects each. One pending per permit.
CREATE TABLE permit_change_request (
    id           uuid        PRIMARY KEY,
    permit_id    uuid        NOT NULL REFERENCES permit (id),
    change       jsonb       NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by text        NOT NULL,
    requested_at timestamptz NOT NULL,
    decided_by   text,
    decided_at   timestamptz,
    reason       text
);
CREATE UNIQUE INDEX permit_change_request_pending ON permit_change_request (permit_id) WHERE status = 'PENDING';
