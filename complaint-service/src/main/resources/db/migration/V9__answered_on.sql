-- The day the complainant was answered, for the on-time rate.
ALTER TABLE complaint ADD COLUMN answered_on date;
CREATE INDEX complaint_registered ON complaint (registered_at);
