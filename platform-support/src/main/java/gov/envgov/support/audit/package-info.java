/**
 * The audit trail every service keeps: who did what to which object, one append-only hash chain per object
 * ({@code audit_log}, migrations under {@code db/support}). A service records in the transaction of the change.
 */
@NullMarked
package gov.envgov.support.audit;

import org.jspecify.annotations.NullMarked;
