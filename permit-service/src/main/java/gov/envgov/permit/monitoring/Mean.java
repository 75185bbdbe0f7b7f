package gov.envgov.permit.monitoring;

import java.time.LocalDateTime;

/**
 * The valid (normal-flag) readings of one hour or day (local time of the bureau): mean, range, the limit, how many
 * valid readings, how many of them above the limit, and how many flagged readings were left out (mean and range are
 * null when all were flagged) ({@code permitted} is null for readings of a unit without a valid permit).
 */
public record Mean(LocalDateTime period, Double mean, Double min, Double max, Double permitted, long readings,
                   long exceeding, long flagged) {
}
