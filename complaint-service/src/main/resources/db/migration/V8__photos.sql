-- Photos attached to a complaint: type checked by content, size limited, stored with their SHA-256 as evidence.
CREATE TABLE complaint_photo (
    id           uuid        PRIMARY KEY,
    complaint_id uuid        NOT NULL REFERENCES complaint (id),
    content_type text        NOT NULL,
    size_bytes   integer     NOT NULL,
    sha256       text        NOT NULL,
    data         bytea       NOT NULL,
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX complaint_photo_complaint ON complaint_photo (complaint_id);
