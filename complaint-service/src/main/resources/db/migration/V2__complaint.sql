CREATE TABLE complaint (
    id              uuid        PRIMARY KEY,
    tracking_code   text        NOT NULL UNIQUE,
    filed_by        text        NOT NULL,
    channel         text        NOT NULL,
    category        text        NOT NULL,
    description     text        NOT NULL,
    district        text        NOT NULL,
    enterprise_code text,
    address         text,
    longitude       double precision,
    latitude        double precision,
    status          text        NOT NULL,
    registered_at   timestamptz NOT NULL,
    version         bigint      NOT NULL
);
CREATE INDEX complaint_filed_by ON complaint (filed_by, registered_at DESC);
CREATE INDEX complaint_status ON complaint (status, registered_at);
