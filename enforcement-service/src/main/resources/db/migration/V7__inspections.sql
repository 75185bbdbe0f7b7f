-- Inspections (检查): one per inspection task, its checklist chosen from the item catalogue, completed with a result
-- that is public from then on (抽查结果公告).
CREATE TABLE inspection (
    task_id         uuid        PRIMARY KEY REFERENCES inspection_task (id),
    draw_id         uuid        NOT NULL REFERENCES draw (id),
    enterprise_code text        NOT NULL,
    inspectors      uuid[]      NOT NULL,
    mode            text        NOT NULL,
    on_site_reason  text,
    status          text        NOT NULL,
    -- Each item with its outcome, finding and the inspectors' internal note (never shown to the enterprise).
    checklist       jsonb       NOT NULL,
    started_at      timestamptz NOT NULL,
    started_by      text        NOT NULL,
    completed_on    date,
    result          text,
    results_due     date,
    published_on    date,
    version         bigint      NOT NULL
);
CREATE INDEX inspection_enterprise ON inspection (enterprise_code, started_at DESC);
-- The public results, newest first.
CREATE INDEX inspection_published ON inspection (published_on DESC, task_id) WHERE published_on IS NOT NULL;

-- Evidence files, their bytes kept beside their SHA-256 (bounded by envgov.enforcement.inspection.evidence-max-size).
CREATE TABLE inspection_evidence (
    id           uuid        PRIMARY KEY,
    task_id      uuid        NOT NULL REFERENCES inspection (task_id),
    item_id      text,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    sha256       text        NOT NULL,
    content      bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  text        NOT NULL
);
CREATE INDEX inspection_evidence_task ON inspection_evidence (task_id, uploaded_at);

-- When a unit was last inspected (its inspectors are in last_inspectors).
ALTER TABLE pool_entity ADD COLUMN last_inspected_on date;
