-- A report of facts already being handled is linked to its master complaint instead of being handled again.
ALTER TABLE complaint ADD COLUMN master_id uuid REFERENCES complaint (id);
CREATE INDEX complaint_master ON complaint (master_id) WHERE master_id IS NOT NULL;
CREATE INDEX complaint_recent_category ON complaint (category, registered_at);
