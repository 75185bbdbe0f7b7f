/**
 * An enterprise's compliance picture: its permits, execution reports and monitoring exceedances over the last
 * twelve quarters, read from the other features' services.
 * <p>
 * Owns: no data.
 * <p>
 * Invariants: an enterprise sees only its own picture, staff every one.
 * <p>
 * Publishes: nothing. Consumes: the enterprise registry, permits, execution reports and exceedance episodes.
 */
@NullMarked
package gov.envgov.permit.compliance;

import org.jspecify.annotations.NullMarked;
