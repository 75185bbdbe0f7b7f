package gov.envgov.credit.blacklist;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The severe-dishonesty list ({@code envgov.credit.blacklist}; DOMAIN.md § Credit).
 *
 * @param responseWorkingDays after prior notice, the subject may respond for this many working days (B)
 * @param periods             publication periods by severity: ordinary 3 months to 1 year, serious 1 to 3 years
 *                            (发改委令58号, B)
 */
@ConfigurationProperties("envgov.credit.blacklist")
public record BlacklistProperties(int responseWorkingDays, Map<ListSeverity, Range> periods) {

    public BlacklistProperties {
        periods = Map.copyOf(periods);
        for (ListSeverity severity : ListSeverity.values()) {
            Range range = periods.get(severity);
            if (range == null || range.min() == null || range.max() == null) {
                throw new IllegalArgumentException("envgov.credit.blacklist.periods needs min and max for "
                        + severity);
            }
        }
        if (responseWorkingDays < 1) {
            throw new IllegalArgumentException("envgov.credit.blacklist.response-working-days must be positive");
        }
    }

    /** The shortest and the longest a subject stays listed. */
    public record Range(Period min, Period max) {
    }
}
