-- Permits and permit applications (DOMAIN.md § Permits). One row per application; an issued application is the
-- permit. The content (outlets, pollutants and limits, self-monitoring, report frequencies) is one document.
CREATE TABLE permit (
    id                   uuid        PRIMARY KEY,
    enterprise_code      text        NOT NULL REFERENCES enterprise (code),
    holder_name          text        NOT NULL,
    district             text        NOT NULL,
    management_class     text        NOT NULL CHECK (management_class IN ('KEY', 'SIMPLIFIED')),
    kind                 text        NOT NULL CHECK (kind IN ('NEW', 'RENEWAL')),
    renews               uuid        REFERENCES permit (id),
    status               text        NOT NULL,
    content              jsonb       NOT NULL,
    address              text,
    legal_representative text,
    submitted_on         date,
    completeness_due     date,
    accepted_on          date,
    deemed_accepted      boolean,
    site_check           boolean     NOT NULL DEFAULT false,
    decision_due         date,
    supplement_request   text,
    decision_reason      text,
    number               text,
    valid_from           date,
    valid_to             date,
    end_reason           text,
    end_basis            text,
    reminded_days        integer,
    version              bigint      NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX permit_enterprise ON permit (enterprise_code, created_at);
CREATE INDEX permit_review_queue ON permit (decision_due, id) WHERE status IN ('SUBMITTED', 'ACCEPTED', 'SITE_CHECK');
CREATE INDEX permit_completeness ON permit (completeness_due) WHERE status = 'SUBMITTED';
CREATE INDEX permit_expiry ON permit (valid_to) WHERE status = 'ISSUED';
-- Public search: by holder name, credit code or permit number prefix, district and class, in number order.
CREATE INDEX permit_public_number ON permit (number, id) WHERE number IS NOT NULL AND status <> 'SUPERSEDED';
CREATE INDEX permit_public_name ON permit (lower(holder_name) text_pattern_ops) WHERE number IS NOT NULL;
CREATE INDEX permit_public_code ON permit (enterprise_code text_pattern_ops) WHERE number IS NOT NULL;
CREATE INDEX permit_public_district ON permit (district, management_class, number) WHERE number IS NOT NULL;

-- The limits of issued permits, one row per outlet and pollutant, for checking readings and reports.
CREATE TABLE permit_limit (
    permit_id       uuid             NOT NULL REFERENCES permit (id),
    enterprise_code text             NOT NULL,
    outlet          text             NOT NULL,
    pollutant       text             NOT NULL,
    concentration   double precision NOT NULL,
    unit            text             NOT NULL,
    annual_tonnes   double precision,
    valid_from      date             NOT NULL,
    valid_to        date             NOT NULL,
    PRIMARY KEY (permit_id, outlet, pollutant)
);
CREATE INDEX permit_limit_enterprise ON permit_limit (enterprise_code, valid_from);

-- Registration forms (登记管理): effective on filing; every re-filing is a new version.
CREATE TABLE registration (
    enterprise_code     text        NOT NULL REFERENCES enterprise (code),
    version             integer     NOT NULL,
    number              text        NOT NULL,
    form                jsonb       NOT NULL,
    changed_on          date,
    refiling_due        date,
    late                boolean     NOT NULL,
    filed_by            text        NOT NULL,
    filed_at            timestamptz NOT NULL,
    PRIMARY KEY (enterprise_code, version)
);

-- Execution reports (执行报告): one row per report a permit owes, created when the permit is issued.
CREATE TABLE execution_report (
    permit_id       uuid        NOT NULL REFERENCES permit (id),
    enterprise_code text        NOT NULL,
    frequency       text        NOT NULL CHECK (frequency IN ('ANNUAL', 'QUARTERLY', 'MONTHLY')),
    period_start    date        NOT NULL,
    period_end      date        NOT NULL,
    due_on          date        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('DUE', 'OVERDUE', 'FILED', 'FILED_LATE')),
    emissions       jsonb,
    exceeded        boolean,
    filed_by        text,
    filed_at        timestamptz,
    PRIMARY KEY (permit_id, frequency, period_start)
);
CREATE INDEX execution_report_due ON execution_report (due_on) WHERE status = 'DUE';
CREATE INDEX execution_report_enterprise ON execution_report (enterprise_code, due_on);

-- Online monitoring readings (在线监测), one per outlet, pollutant and instant; kept at least five years.
CREATE TABLE monitoring_reading (
    enterprise_code text             NOT NULL,
    outlet          text             NOT NULL,
    pollutant       text             NOT NULL,
    measured_at     timestamptz      NOT NULL,
    concentration   double precision NOT NULL,
    flow            double precision,
    permitted       double precision NOT NULL,
    exceeds         boolean          NOT NULL,
    source          text             NOT NULL,
    received_at     timestamptz      NOT NULL,
    PRIMARY KEY (enterprise_code, outlet, pollutant, measured_at)
);

-- Exceedance episodes: consecutive readings above the limit of one outlet and pollutant are one episode.
CREATE TABLE exceedance_episode (
    id               uuid             PRIMARY KEY,
    enterprise_code  text             NOT NULL,
    outlet           text             NOT NULL,
    pollutant        text             NOT NULL,
    permitted        double precision NOT NULL,
    started_at       timestamptz      NOT NULL,
    last_exceeding   timestamptz      NOT NULL,
    ended_at         timestamptz,
    peak             double precision NOT NULL,
    readings         integer          NOT NULL
);
CREATE UNIQUE INDEX exceedance_episode_open ON exceedance_episode (enterprise_code, outlet, pollutant)
    WHERE ended_at IS NULL;
CREATE INDEX exceedance_episode_enterprise ON exceedance_episode (enterprise_code, started_at);
