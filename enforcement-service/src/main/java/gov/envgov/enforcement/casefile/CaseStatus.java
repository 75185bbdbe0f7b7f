package gov.envgov.enforcement.casefile;

/** The ordinary procedure (生态环境行政处罚办法 2023), DOMAIN.md § Enforcement. */
public enum CaseStatus {
    FILED, NOT_FILED, INVESTIGATING, CASE_REVIEW, NOTICE_SERVED, HEARING_REQUESTED, HEARING, LEGAL_REVIEW,
    COLLECTIVE_DECISION, DECIDED, SERVED, EXECUTING, CLOSED, ARCHIVED
}
