/**
 * The enterprise registry: every pollutant discharge unit (排污单位) the bureau supervises.
 * <p>
 * Owns: the {@code enterprise} table. Identity is the unified social credit code (GB 32100-2015), validated with its
 * check character, and never changes. District comes from the city's reference data; management class is
 * 重点 (KEY), 简化 (SIMPLIFIED) or 登记 (REGISTRATION).
 * <p>
 * Invariants: a code is registered once; changes carry the version they were based on (optimistic concurrency);
 * an enterprise user changes only its own contact data; staff ({@code admin}) register and change the rest.
 * <p>
 * Publishes: {@link gov.envgov.permit.enterprise.EnterpriseRegistered} and
 * {@link gov.envgov.permit.enterprise.EnterpriseChanged}, each a full snapshot with its version, so a consumer
 * can apply them idempotently and ignore stale ones. Consumes: nothing.
 */
@NullMarked
package gov.envgov.permit.enterprise;

import org.jspecify.annotations.NullMarked;
