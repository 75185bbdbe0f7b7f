-- The holiday schedule each consumer last computed its stored due dates with, per year: a corrected or late file
-- shows as a different fingerprint, and the consumer recomputes what that year's days decide, then records it here.
CREATE TABLE calendar_revision (
    consumer    text        NOT NULL,
    year        integer     NOT NULL,
    fingerprint text        NOT NULL,
    first_day   date        NOT NULL,
    last_day    date        NOT NULL,
    applied_at  timestamptz NOT NULL,
    PRIMARY KEY (consumer, year)
);
