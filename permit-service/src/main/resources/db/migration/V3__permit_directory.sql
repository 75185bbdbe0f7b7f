-- The public permit directory: one narrow row per disclosed permit (issued, current or ended; not superseded), so
-- that public searches scan a few megabytes instead of the permits with their content documents.
CREATE TABLE permit_directory (
    id               uuid PRIMARY KEY REFERENCES permit (id),
    number           text NOT NULL,
    enterprise_code  text NOT NULL,
    name_lower       text NOT NULL,
    district         text NOT NULL,
    management_class text NOT NULL
);
CREATE INDEX permit_directory_number ON permit_directory (number, id);
CREATE INDEX permit_directory_code ON permit_directory (enterprise_code text_pattern_ops);
CREATE INDEX permit_directory_number_prefix ON permit_directory (number text_pattern_ops);
CREATE INDEX permit_directory_district ON permit_directory (district, management_class, number, id);

INSERT INTO permit_directory (id, number, enterprise_code, name_lower, district, management_class)
SELECT id, number, enterprise_code, lower(holder_name), district, management_class
FROM permit WHERE number IS NOT NULL AND status <> 'SUPERSEDED';

DROP INDEX permit_public_number;
DROP INDEX permit_public_name;
DROP INDEX permit_public_code;
DROP INDEX permit_public_district;
