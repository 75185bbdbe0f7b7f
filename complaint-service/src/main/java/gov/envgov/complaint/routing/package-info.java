/**
 * Routing and dispatch (转办): which handling unit a complaint goes to.
 * <p>
 * Owns: nothing stored; the routing rules are configuration ({@code envgov.complaint.routing},
 * {@code envgov.complaint.default-unit}).
 * <p>
 * Invariants ({@link gov.envgov.complaint.routing.RoutingRules}): the first rule whose criteria all match wins, else
 * the default unit; an operator may choose another unit, but only a known one; a returned complaint does not go back
 * to the unit that just returned it unless the operator overrides (the refusal names the unit and its reason).
 * <p>
 * Publishes: {@code ComplaintDispatched}. Consumes: the complaint workflow ({@code complaint}).
 */
@NullMarked
package gov.envgov.complaint.routing;

import org.jspecify.annotations.NullMarked;
