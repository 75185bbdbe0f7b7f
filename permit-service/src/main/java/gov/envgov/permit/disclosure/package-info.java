/**
 * Disclosure of issued permits (信息公开), without login: search by holder, credit code or number prefix, district and
 * class, and one permit's public view.
 * <p>
 * Owns: nothing; it reads {@code permit_directory} and the permits the permit feature owns.
 * <p>
 * Invariants: only issued permits are shown (current or ended); a superseded one is shown through its successor;
 * the public view holds no contact data, legal representative, review notes or self-monitoring plan.
 * <p>
 * Publishes: nothing. Consumes: nothing.
 */
@NullMarked
package gov.envgov.permit.disclosure;

import org.jspecify.annotations.NullMarked;
