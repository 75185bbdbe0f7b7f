/**
 * The identity vault: who complained (Environmental Protection Law art. 57), kept apart from the complaint.
 * <p>
 * Owns: {@code complainant_identity}, each field (name, phone, ID number, e-mail) encrypted with AES-256-GCM bound to
 * its complaint, under a key from configuration whose id is stored beside it; {@code complainant_access}, the log of
 * every access to it.
 * <p>
 * Invariants: plaintext exists only in memory and never in events, logs, public or Open311 output; every access by
 * staff, masked or in full, is written to the access log, and every reveal in full to the audit trail too (who may ask
 * is the complaint's rule, checked by the caller); a resident ID number is checked mod 11 (GB 11643-1999); a name
 * carries no markup or control characters, an e-mail address is one.
 * <p>
 * Publishes: nothing. Consumes: nothing.
 */
@NullMarked
package gov.envgov.complaint.complainant;

import org.jspecify.annotations.NullMarked;
