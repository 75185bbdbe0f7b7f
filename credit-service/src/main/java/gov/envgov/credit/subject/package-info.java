/**
 * Credit subjects: the enterprises whose environmental credit the bureau evaluates.
 * <p>
 * Owns: {@code credit_subject}, written from permit-service's enterprise feed (a row only moves to a higher
 * version) and, for environmental service agencies (monitoring and operation firms) that the feed does not bring,
 * registered by a credit officer with their credit code (management class {@code SERVICE_AGENCY}).
 * An enterprise user reads only its own subject record; credit officers read all.
 * <p>
 * Consumes: {@code EnterpriseRegistered}, {@code EnterpriseChanged} (permit-service). Publishes: nothing.
 */
@NullMarked
package gov.envgov.credit.subject;

import org.jspecify.annotations.NullMarked;
