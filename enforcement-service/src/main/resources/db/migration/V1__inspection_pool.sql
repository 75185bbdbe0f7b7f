-- The pool of inspected entities for double-random draws, fed by permit-service's enterprise events.
CREATE TABLE pool_entity (
    code             text        PRIMARY KEY,
    name             text        NOT NULL,
    district         text        NOT NULL,
    industry_code    text,
    management_class text        NOT NULL,
    version          bigint      NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pool_entity_district_class ON pool_entity (district, management_class);
