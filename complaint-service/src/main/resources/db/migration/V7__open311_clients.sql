-- Client applications allowed to POST Open311 requests; admin issues and revokes their api keys (hash stored only).
CREATE TABLE open311_client (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL,
    api_key_hash text        NOT NULL UNIQUE,
    active       boolean     NOT NULL DEFAULT true,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
