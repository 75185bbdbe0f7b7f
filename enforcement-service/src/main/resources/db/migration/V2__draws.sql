-- What a draw's weights need from the pool (filled by credit-service's grades and the positive list later).
ALTER TABLE pool_entity
    ADD COLUMN credit_grade  text,
    ADD COLUMN positive_list boolean NOT NULL DEFAULT false;

-- Double-random draws: the plan with its seed committed, the draw on a stored snapshot, the published result.
CREATE TABLE draw (
    id               uuid        PRIMARY KEY,
    period           text        NOT NULL,
    level            text        NOT NULL,
    district         text,
    management_class text        NOT NULL,
    inspectors       integer     NOT NULL,
    seed             text        NOT NULL,
    seed_commitment  text        NOT NULL,
    status           text        NOT NULL,
    algorithm        text,
    snapshot_hash    text,
    pool_size        integer,
    selection        text[]      NOT NULL DEFAULT '{}',
    announced_at     timestamptz NOT NULL,
    announced_by     text        NOT NULL,
    drawn_at         timestamptz,
    results_due      date,
    published_at     timestamptz,
    version          bigint      NOT NULL
);
-- One draw per plan: a second plan for the same period and scope would be a re-roll.
CREATE UNIQUE INDEX draw_one_per_scope ON draw (period, level, coalesce(district, ''), management_class);
CREATE INDEX draw_newest_first ON draw (announced_at DESC, id);

-- The canonical serialisation the draw ran on (DRAW-ALGORITHM.md), kept as it was for verification.
CREATE TABLE draw_snapshot (
    draw_id   uuid PRIMARY KEY REFERENCES draw (id),
    canonical text NOT NULL
);
