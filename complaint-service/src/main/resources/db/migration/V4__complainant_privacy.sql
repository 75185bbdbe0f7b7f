-- Complainant identity (Environmental Protection Law art. 57): kept apart from the complaint, each field encrypted
-- with AES-GCM under a key from configuration; key_id says which key, so keys can be rotated.
CREATE TABLE complainant_identity (
    complaint_id  uuid  PRIMARY KEY REFERENCES complaint (id),
    key_id        text  NOT NULL,
    name_enc      bytea,
    phone_enc     bytea,
    id_number_enc bytea
);

-- Anonymous filers follow their complaint with the tracking code and a secret; only the secret's hash is stored.
ALTER TABLE complaint ADD COLUMN tracking_secret_hash text;
