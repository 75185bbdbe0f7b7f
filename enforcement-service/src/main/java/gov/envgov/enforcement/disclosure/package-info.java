/**
 * Public disclosure of penalty decisions (行政处罚决定公开).
 * <p>
 * Owns: {@code penalty_publication}.
 * <p>
 * Invariants: a penalty decision is published within 7 working days of the decision (at once, here), with resident ID
 * numbers, bank accounts and mobile numbers masked and a natural person as party not named; a changed or annulled
 * decision's publication is withdrawn within 3 working days and the withdrawal is public. Publishes: nothing (the
 * case publishes {@code PenaltyDecided} and {@code DecisionWithdrawn}).
 */
@NullMarked
package gov.envgov.enforcement.disclosure;

import org.jspecify.annotations.NullMarked;
