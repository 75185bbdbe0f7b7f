CREATE TABLE enterprise (
    code             text             PRIMARY KEY CHECK (length(code) = 18),
    name             text             NOT NULL,
    district         text             NOT NULL,
    industry_code    text,
    management_class text             NOT NULL CHECK (management_class IN ('KEY', 'SIMPLIFIED', 'REGISTRATION')),
    address          text,
    longitude        double precision,
    latitude         double precision,
    contact_name     text,
    contact_phone    text,
    contact_email    text,
    version          bigint           NOT NULL,
    registered_at    timestamptz      NOT NULL,
    changed_at       timestamptz      NOT NULL
);
CREATE INDEX enterprise_district_class ON enterprise (district, management_class);
CREATE INDEX enterprise_name_lower ON enterprise (lower(name) text_pattern_ops);
