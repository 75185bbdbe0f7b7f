/**
 * The inspection pool (检查对象名录库): every discharge unit that double-random draws pick from, with the attributes
 * that set draw rates (district, management class).
 * <p>
 * Owns: {@code pool_entity}, written only from permit-service's enterprise feed; a row only moves to a higher version.
 * <p>
 * Consumes: {@code EnterpriseRegistered}, {@code EnterpriseChanged} (permit-service). Publishes: nothing yet.
 */
@NullMarked
package gov.envgov.enforcement.pool;

import org.jspecify.annotations.NullMarked;
