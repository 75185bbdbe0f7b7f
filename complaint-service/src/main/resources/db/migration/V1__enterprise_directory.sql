-- Local read model of permit-service's enterprise registry, fed by EnterpriseRegistered / EnterpriseChanged.
CREATE TABLE enterprise_directory (
    code       text        PRIMARY KEY,
    name       text        NOT NULL,
    district   text        NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
