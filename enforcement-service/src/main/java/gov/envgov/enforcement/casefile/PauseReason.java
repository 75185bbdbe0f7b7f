package gov.envgov.enforcement.casefile;

/**
 * What stops the decision clock (生态环境行政处罚办法 Art 57, DOMAIN.md § Enforcement, the list (B)): the days of a
 * suspension, a hearing, an announcement, monitoring or testing, an assessment or appraisal, and service do not count
 * towards the decision period.
 */
public enum PauseReason {
    SUSPENSION, HEARING, ANNOUNCEMENT, TESTING, ASSESSMENT, APPRAISAL, SERVICE
}
