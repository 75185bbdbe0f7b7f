/**
 * Registrations (登记管理) of registration-only units.
 * <p>
 * Owns: the {@code registration} table.
 * <p>
 * Invariants: only registration-only units register, each for itself; a registration is effective on filing; every
 * change is re-filed, naming the day of the change, and a re-filing after the configured days is marked late; a
 * filing names the version it replaces, so two cannot cross.
 * <p>
 * Publishes: {@code RegistrationFiled}. Consumes: the enterprise registry (management class).
 */
@NullMarked
package gov.envgov.permit.registration;

import org.jspecify.annotations.NullMarked;
