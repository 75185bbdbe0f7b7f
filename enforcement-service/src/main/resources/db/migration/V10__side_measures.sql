-- Side measures of a case (按日连续处罚, 查封扣押, 限制生产), each with its clock: the state is a document of the
-- aggregate; next_due is what the queue reads (the nearest deadline first).
CREATE TABLE side_measure (
    id              uuid        PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES enforcement_case (id),
    enterprise_code text        NOT NULL,
    kind            text        NOT NULL,
    status          text        NOT NULL,
    state           jsonb       NOT NULL,
    next_due        date,
    -- The day the clock found next_due passed (once per due date; a new due date clears it).
    deadline_passed_on date,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL
);
CREATE INDEX side_measure_case ON side_measure (case_id, created_at);
CREATE INDEX side_measure_queue ON side_measure (next_due, id) WHERE next_due IS NOT NULL;
-- The clock's read: active measures whose deadline passed and was not yet reported.
CREATE INDEX side_measure_deadline ON side_measure (next_due) WHERE next_due IS NOT NULL AND deadline_passed_on IS NULL;
