package gov.envgov.complaint.routing;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/**
 * Dispatch to a unit; without one, to the unit the routing rules pick. {@code override} sends a returned complaint
 * back to the unit that just returned it, which is otherwise refused.
 */
record DispatchRequest(@Size(max = 100) @Nullable String unit, @Nullable Boolean override) {
}
