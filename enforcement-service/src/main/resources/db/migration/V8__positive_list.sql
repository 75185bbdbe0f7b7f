-- The positive list (正面清单): units that meet its rules, listed for a term; removed when a rule breaks. One row per
-- unit ever listed: the current term, or the last one with why it ended.
CREATE TABLE positive_list_entry (
    enterprise_code text        PRIMARY KEY,
    listed_on       date        NOT NULL,
    listed_until    date        NOT NULL,
    removed_on      date,
    removal_reason  text,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX positive_list_current ON positive_list_entry (listed_on DESC, enterprise_code) WHERE removed_on IS NULL;

-- The day's listing pass runs once per day on one replica: the one that claims the day's row.
CREATE TABLE positive_list_run (
    day        date        PRIMARY KEY,
    started_at timestamptz NOT NULL
);
