package gov.envgov.complaint.routing;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/** Dispatch to a unit; without one, to the unit the routing rules pick. */
record DispatchRequest(@Size(max = 100) @Nullable String unit) {
}
