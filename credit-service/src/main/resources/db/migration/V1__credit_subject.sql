-- Enterprises subject to credit evaluation, fed by permit-service's enterprise events.
CREATE TABLE credit_subject (
    code             text        PRIMARY KEY,
    name             text        NOT NULL,
    district         text        NOT NULL,
    management_class text        NOT NULL,
    version          bigint      NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
