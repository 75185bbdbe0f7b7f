/**
 * An issued permit's life: renewal (延续) inside the renewal window, the early ends (撤销, 吊销, 注销) on a legal
 * basis, expiry reminders, expiry or supersession by the renewal, and moving in permits issued before this system.
 * <p>
 * Owns: no table of its own; it changes permits through {@link gov.envgov.permit.permit.PermitStore}.
 * <p>
 * Invariants: only the holder renews, one renewal per permit, and a renewal allows no more; only admin ends a
 * permit, on a configured legal basis that justifies that end and is in force; each reminder is sent once; a
 * holder that has a permit here already is skipped by an import.
 * <p>
 * Publishes: {@code PermitApplicationSubmitted} (the renewal), {@code PermitEnded}, {@code PermitExpiryReminder},
 * {@code PermitExpired}, {@code PermitSuperseded}, {@code PermitIssued} (an imported permit). Consumes: the
 * enterprise registry.
 */
@NullMarked
package gov.envgov.permit.lifecycle;

import org.jspecify.annotations.NullMarked;
