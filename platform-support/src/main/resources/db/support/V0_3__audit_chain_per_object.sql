-- One hash chain per object instead of one for the whole service: appends to different objects no longer wait for
-- one global lock (see AuditTrail). The index serves both the append (last row of an object) and the walk.
DROP INDEX audit_log_object;
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
COMMENT ON TABLE audit_log IS 'Append-only; prev_hash links each row to the previous row of the same object';
