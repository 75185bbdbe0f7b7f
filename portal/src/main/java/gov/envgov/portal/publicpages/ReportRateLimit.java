package gov.envgov.portal.publicpages;

import org.springframework.boot.context.properties.ConfigurationProperties;

import gov.envgov.portal.platform.TokenBuckets;

/**
 * How many anonymous reports one client address may post through the portal (rule PORTAL-REPORT-RATE-LIMIT): a
 * token bucket of {@code capacity} posts at once, refilled at {@code perSecond}. The gateway cannot count them: it
 * sees the portal's pages, and the portal files with complaint-service directly, as itself.
 *
 * @param capacity  posts at once from one address
 * @param perSecond how fast the allowance comes back
 */
@ConfigurationProperties("envgov.portal.report-rate-limit")
public record ReportRateLimit(Integer capacity, Double perSecond) {

    public ReportRateLimit {
        capacity = capacity == null ? 10 : capacity;
        perSecond = perSecond == null ? 0.05 : perSecond;
    }

    TokenBuckets.Limit limit() {
        return new TokenBuckets.Limit(capacity, perSecond);
    }
}
