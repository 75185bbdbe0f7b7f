/**
 * credit-service: enterprise environmental credit evaluation, objections, repair and the severe-dishonesty list.
 * Feature packages: {@code subject} (credit subjects, a read model of permit-service's enterprise feed);
 * {@code platform} (security and wiring only).
 */
@NullMarked
package gov.envgov.credit;

import org.jspecify.annotations.NullMarked;
