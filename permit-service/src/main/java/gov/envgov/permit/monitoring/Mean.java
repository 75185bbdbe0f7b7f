package gov.envgov.permit.monitoring;

import java.time.LocalDateTime;

/**
 * The readings of one hour or day (local time of the bureau): mean, range, the limit, how many readings and how
 * many of them above the limit.
 */
public record Mean(LocalDateTime period, double mean, double min, double max, double permitted, long readings,
                   long exceeding) {
}
