-- Work queues at a million complaints (PERF-OPERATOR-QUEUE). Each queue is read page by page in its order, after the
-- last complaint of the page before (keyset), so every index below holds the queue's order key, with a due date
-- never set sorting last (as ORDER BY due_date does) but comparable in a row comparison.
DROP INDEX complaint_operator_queue;
CREATE INDEX complaint_operator_queue
    ON complaint (priority, (coalesce(due_date, 'infinity'::date)), registered_at, id)
    WHERE status IN ('REGISTERED', 'RETURNED', 'REPLIED', 'FOLLOWED_UP');
-- The operators' queue of one district, and of one of its states (to dispatch, or to follow up), in the same order.
CREATE INDEX complaint_operator_queue_district
    ON complaint (district, priority, (coalesce(due_date, 'infinity'::date)), registered_at, id)
    WHERE status IN ('REGISTERED', 'RETURNED', 'REPLIED', 'FOLLOWED_UP');
CREATE INDEX complaint_operator_queue_status
    ON complaint (status, priority, (coalesce(due_date, 'infinity'::date)), registered_at, id)
    WHERE status IN ('REGISTERED', 'RETURNED', 'REPLIED', 'FOLLOWED_UP');
DROP INDEX complaint_unit_queue;
CREATE INDEX complaint_unit_queue
    ON complaint (handling_unit, (coalesce(due_date, 'infinity'::date)), registered_at, id)
    WHERE status IN ('DISPATCHED', 'ACCEPTED', 'HANDLING', 'HANDLED');
-- A queue's total is counted exactly up to envgov.complaint.queue.exact-total-up-to and estimated by the planner
-- beyond: the statistics of state, district and unit together make the estimate of a filtered queue (a district's
-- share of the queue is not the district's share of all complaints), and analysing after 2% of the table changed
-- instead of 10% keeps it close to a queue that grows or drains fast.
CREATE STATISTICS complaint_queue_shares (mcv) ON status, district, handling_unit FROM complaint;
ALTER TABLE complaint SET (autovacuum_analyze_scale_factor = 0.02);
