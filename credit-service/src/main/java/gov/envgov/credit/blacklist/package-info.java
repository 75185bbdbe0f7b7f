/**
 * The severe-dishonesty list (严重失信主体名单), dischargers and environmental service agencies alike.
 * <p>
 * Owns: {@code list_entry}.
 * <p>
 * Invariants: no entry without a basis in law or central policy; prior notice first, and listing only after the
 * response deadline ({@code envgov.credit.blacklist.response-working-days}) or a response; listed for the minimum
 * and at most the maximum period of its severity ({@code envgov.credit.blacklist.periods}: ordinary 3 months to
 * 1 year, serious 1 to 3 years; minor information is never published); removed automatically on the day the maximum
 * ends; an early exit only after the minimum. The public list shows the subject, basis and dates, never the facts.
 * <p>
 * Publishes: {@code ListingNoticed}, {@code SevereDishonestyListed}, {@code SevereDishonestyRemoved}.
 */
@NullMarked
package gov.envgov.credit.blacklist;

import org.jspecify.annotations.NullMarked;
