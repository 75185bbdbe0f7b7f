/**
 * The inspection-item list and enforcement item catalogue (一单, 行政执法事项目录): what the bureau may inspect,
 * penalise or enforce, each with its legal basis as citation data and the management classes and industries it
 * applies to. Data ({@code inspection/items.json}), versioned, published at {@code /api/public/inspections/items}.
 * <p>
 * Invariants: ids are unique; every item cites at least one legal basis; an inspection checks the inspection items
 * that apply to the unit's class and industry. Publishes: nothing.
 */
@NullMarked
package gov.envgov.enforcement.catalogue;

import org.jspecify.annotations.NullMarked;
