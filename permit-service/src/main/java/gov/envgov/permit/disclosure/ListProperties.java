package gov.envgov.permit.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How public lists count their totals (PERF-PERMIT-SEARCH).
 *
 * @param exactTotalUpTo totals up to this many are counted exactly; a longer list answers the database's estimate and
 *                       says so ({@code totalExact} false)
 */
@ConfigurationProperties("envgov.permit.lists")
public record ListProperties(long exactTotalUpTo) {

    public ListProperties {
        if (exactTotalUpTo < 0) {
            throw new IllegalArgumentException("envgov.permit.lists.exact-total-up-to must not be negative");
        }
    }
}
