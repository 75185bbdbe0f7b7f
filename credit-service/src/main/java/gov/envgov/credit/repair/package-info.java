/**
 * Credit repair (信用修复).
 * <p>
 * Owns: {@code credit_repair}.
 * <p>
 * Invariants: an enterprise applies only for its own records and list entry; a credit officer decides once; approval
 * needs every condition: rectified (verified by the officer), every penalty of the covered records paid, the minimum
 * period passed ({@code envgov.credit.repair.minimum-after-behaviour} since each behaviour, a list entry's minimum),
 * no approved repair within {@code envgov.credit.repair.interval}; approved, the records are marked repaired, the
 * period's result gets a new version (published at once when the period is final) and a list entry ends early; the
 * earlier versions and the whole history stay visible to staff.
 * <p>
 * Publishes: through {@code evaluation} ({@code CreditGradePublished} of the new version) and {@code blacklist}
 * ({@code SevereDishonestyRemoved}).
 */
@NullMarked
package gov.envgov.credit.repair;

import org.jspecify.annotations.NullMarked;
