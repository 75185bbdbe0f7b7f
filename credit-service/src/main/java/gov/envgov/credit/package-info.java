/**
 * credit-service: enterprise environmental credit evaluation, objections, repair and the severe-dishonesty list.
 * Feature packages: {@code subject} (credit subjects: permit-service's enterprise feed and registered service
 * agencies); {@code scheme} (the evaluation schemes as versioned data); {@code ledger} (credit records from the feeds
 * and by hand); {@code evaluation} (a period's preliminary result, objections, approval, final publication and the
 * {@code CreditGradePublished} feed); {@code blacklist} (the severe-dishonesty list); {@code repair} (credit repair);
 * {@code lookup} (the public lookup by credit code); {@code platform} (security and wiring only).
 */
@NullMarked
package gov.envgov.credit;

import org.jspecify.annotations.NullMarked;
