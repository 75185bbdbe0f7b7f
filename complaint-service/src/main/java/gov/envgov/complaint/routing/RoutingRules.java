package gov.envgov.complaint.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties.RoutingRule;
import gov.envgov.support.domain.DomainException;

/**
 * Which handling unit a complaint goes to (转办): the first configured rule whose criteria all match (category,
 * district, enterprise), else the default unit. An operator may choose another unit, but only one that exists.
 */
public final class RoutingRules {

    private final List<RoutingRule> rules;
    private final String defaultUnit;

    public RoutingRules(List<RoutingRule> rules, String defaultUnit) {
        this.rules = List.copyOf(rules);
        this.defaultUnit = defaultUnit;
    }

    /** Every unit a complaint can be dispatched to. */
    public Set<String> knownUnits() {
        Set<String> units = new LinkedHashSet<>();
        rules.forEach(rule -> units.add(rule.unit()));
        units.add(defaultUnit);
        return units;
    }

    /** The handling unit the rules pick for a complaint. */
    public String route(Category category, String district, @Nullable String enterprise) {
        return rules.stream().filter(rule -> matches(rule, category, district, enterprise))
                .map(RoutingRule::unit).findFirst().orElse(defaultUnit);
    }

    /** The unit to dispatch to: the one an operator chose, which must exist, or else the one the rules pick. */
    public String unitFor(Complaint complaint, @Nullable String chosen) {
        String target = chosen == null || chosen.isBlank()
                ? route(complaint.category(), complaint.district(), complaint.enterpriseCode()) : chosen.strip();
        if (!knownUnits().contains(target)) {
            throw new DomainException.RuleViolation("unknown-unit", "unit", "'" + target
                    + "' is not a handling unit");
        }
        return target;
    }

    /** A rule matches when each criterion it names equals the complaint's. */
    private static boolean matches(RoutingRule rule, Category category, String district,
                                   @Nullable String enterprise) {
        return (rule.category() == null || rule.category() == category)
                && (rule.district() == null || rule.district().equals(district))
                && (rule.enterprise() == null || rule.enterprise().equals(enterprise));
    }
}
