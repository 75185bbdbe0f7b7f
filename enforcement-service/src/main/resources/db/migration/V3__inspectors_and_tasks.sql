-- The inspector pool (执法检查人员名录库): credentialed inspectors, tied to their Keycloak user where they have one.
CREATE TABLE inspector (
    id                uuid        PRIMARY KEY,
    username          text        UNIQUE,
    name              text        NOT NULL,
    credential_number text        NOT NULL UNIQUE,
    valid_until       date        NOT NULL,
    district          text,
    department        text        NOT NULL,
    active            boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    version           bigint      NOT NULL
);
CREATE INDEX inspector_district ON inspector (district);

-- Declared relations and interests with enterprises: an inspector never inspects such a unit (回避).
CREATE TABLE inspector_relation (
    inspector_id    uuid        NOT NULL REFERENCES inspector (id),
    enterprise_code text        NOT NULL,
    kind            text        NOT NULL,
    note            text,
    declared_at     timestamptz NOT NULL,
    declared_by     text        NOT NULL,
    PRIMARY KEY (inspector_id, enterprise_code)
);
CREATE INDEX inspector_relation_enterprise ON inspector_relation (enterprise_code);

-- Who inspected a unit last: the next inspection goes to others.
ALTER TABLE pool_entity ADD COLUMN last_inspectors uuid[] NOT NULL DEFAULT '{}';

-- One inspection task per drawn unit, with the inspectors drawn for it.
CREATE TABLE inspection_task (
    id              uuid        PRIMARY KEY,
    draw_id         uuid        NOT NULL REFERENCES draw (id),
    enterprise_code text        NOT NULL,
    status          text        NOT NULL,
    inspectors      uuid[]      NOT NULL,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL,
    UNIQUE (draw_id, enterprise_code)
);
