/**
 * Credit subjects: the enterprises whose environmental credit the bureau evaluates.
 * <p>
 * Owns: {@code credit_subject}, written only from permit-service's enterprise feed; a row only moves to a higher
 * version. An enterprise user reads only its own subject record; credit officers read all.
 * <p>
 * Consumes: {@code EnterpriseRegistered}, {@code EnterpriseChanged} (permit-service). Publishes: nothing yet.
 */
@NullMarked
package gov.envgov.credit.subject;

import org.jspecify.annotations.NullMarked;
