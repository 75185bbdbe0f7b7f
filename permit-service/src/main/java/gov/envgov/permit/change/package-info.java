/**
 * Administrative changes of issued permits (holder name, address, legal representative, limits that allow no more):
 * made by a reviewer directly, or applied for by the holder ({@link gov.envgov.permit.change.ChangeRequest}) and
 * approved or rejected by a reviewer.
 * <p>
 * Owns: {@code permit_change_request}.
 * <p>
 * Invariants: one pending request per permit; a request is decided once, from {@code PENDING}; a change that would
 * allow more is refused when it is applied for, not only when it is decided; an approval applies the change to the
 * permit in the same transaction, on the version it was applied for.
 * <p>
 * Publishes: {@code PermitChangeRequested}, {@code PermitChangeRejected} and, when a change is made or approved,
 * {@code PermitChanged} (all {@link gov.envgov.permit.permit.PermitEvent}s). Consumes: nothing.
 */
@NullMarked
package gov.envgov.permit.change;

import org.jspecify.annotations.NullMarked;
