-- SLA clocks: pauses while waiting on the complainant, approved extensions, and escalation (催办 → 督办 → 通报).
ALTER TABLE complaint
    ADD COLUMN paused_since     date,
    ADD COLUMN extension_reason text,
    ADD COLUMN escalation       text NOT NULL DEFAULT 'NONE';
CREATE INDEX complaint_open_due ON complaint (due_date) WHERE status <> 'CLOSED';
