package gov.envgov.enforcement.measure;

/** The side measures of a case (DOMAIN.md § Enforcement, 环境保护法 Arts 25, 28, 59). */
public enum MeasureKind {
    /** 按日连续处罚: an order to correct, covert re-inspection, the original fine per day while it goes on. */
    DAILY_PENALTY,
    /** 查封、扣押: facilities sealed for a limited time. */
    SEALING,
    /** 限制生产: production limited for a limited time. */
    PRODUCTION_LIMIT
}
