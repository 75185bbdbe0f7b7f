-- The complainant's e-mail (Open311 clients send it), encrypted like the rest of the identity.
ALTER TABLE complainant_identity ADD COLUMN email_enc bytea;

-- What of a complaint the public feed (Open311 GET) may show: only complaints whose filer agreed at intake, and
-- their reply only once staff have marked it public. No row: not public.
CREATE TABLE complaint_publication (
    complaint_id     uuid        PRIMARY KEY REFERENCES complaint (id),
    consented        boolean     NOT NULL,
    reply_public     boolean     NOT NULL DEFAULT false,
    reply_marked_by  text,
    reply_marked_at  timestamptz
);
CREATE INDEX complaint_publication_consented ON complaint_publication (complaint_id) WHERE consented;
