/**
 * Security and wiring only, no business rules: which roles may call which paths. Ownership of each object is
 * checked in the services.
 * <p>
 * Owns: nothing. Publishes: nothing. Consumes: nothing.
 */
@NullMarked
package gov.envgov.permit.platform;

import org.jspecify.annotations.NullMarked;
