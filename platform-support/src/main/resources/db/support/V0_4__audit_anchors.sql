-- Anchors of the audit chains: now and then every chain head that changed since the last anchor is folded into one
-- root, each root chained to the one before and published as an event. Deleting the newest entries of a chain, which
-- the chain itself cannot show, then shows against the anchored head.
CREATE TABLE audit_anchor (
    seq         bigint      PRIMARY KEY,
    anchored_at timestamptz NOT NULL,
    heads       integer     NOT NULL,
    prev_root   text        NOT NULL,
    root        text        NOT NULL
);
CREATE TABLE audit_anchor_head (
    seq         bigint NOT NULL REFERENCES audit_anchor (seq),
    object_type text   NOT NULL,
    object_id   text   NOT NULL,
    last_id     bigint NOT NULL,
    head_hash   text   NOT NULL,
    PRIMARY KEY (seq, object_type, object_id)
);
CREATE INDEX audit_anchor_head_chain ON audit_anchor_head (object_type, object_id, seq DESC);
