package gov.envgov.permit.monitoring;

import java.time.OffsetDateTime;

/**
 * The valid (normal-flag) readings of one hour or day, named by its beginning in the bureau's offset
 * (API-TIME-CONVENTION): mean, range, the limit, how many valid readings, how many of them above the limit, and how
 * many flagged readings were left out (mean and range are null when all were flagged) ({@code permitted} is null for
 * readings of a unit without a valid permit).
 */
public record Mean(OffsetDateTime period, Double mean, Double min, Double max, Double permitted, long readings,
                   long exceeding, long flagged) {
}
