/**
 * The inspection pool (检查对象名录库): every discharge unit that double-random draws pick from, with the attributes
 * that set draw rates and weights (district, management class, credit grade, positive list) and who inspected it
 * last (recusal).
 * <p>
 * Owns: {@code pool_entity}, its registry part written only from permit-service's enterprise feed (a row only moves
 * to a higher version); {@code credit_grade}, from credit-service's feed (a grade only moves to a later period or
 * version). The positive list and completed inspections write their columns through {@link PoolService}.
 * <p>
 * Consumes: {@code EnterpriseRegistered}, {@code EnterpriseChanged} (permit-service), {@code CreditGradePublished}
 * (credit-service; until it publishes, every unit has the default weight). Publishes: nothing.
 */
@NullMarked
package gov.envgov.enforcement.pool;

import org.jspecify.annotations.NullMarked;
