/**
 * The permit (排污许可证) aggregate: an application and, once issued, the permit; its states, events, content, rules
 * and numbers, and the one store and the queries the permit's use cases ({@code review}, {@code change},
 * {@code lifecycle}, {@code disclosure}) share.
 * <p>
 * Owns: the {@code permit} and {@code permit_limit} tables, and {@code permit_directory}, the public directory kept
 * in step with every write.
 * <p>
 * Invariants: every transition is guarded by the state it starts from ({@link gov.envgov.permit.permit.Permit})
 * and returns the event it causes; a change carries the version it was made on; deadlines are working days on the
 * holiday calendar with the numbers from configuration ({@link gov.envgov.permit.permit.PermitRules}); an
 * administrative change or a renewal never allows more (new outlets, pollutants or higher limits need a new
 * application); an enterprise sees only its own permits, anything else is "not found"
 * ({@link gov.envgov.permit.permit.PermitQueryService}); a state change, its event, its audit record and what
 * follows from it ({@link gov.envgov.permit.permit.PermitObligations}) are written in one transaction
 * ({@link gov.envgov.permit.permit.PermitStore}).
 * <p>
 * Publishes: the {@link gov.envgov.permit.permit.PermitEvent} records, on the permit's stream
 * ({@link gov.envgov.permit.permit.OnPermitStream}). Consumes: the enterprise registry (holder, class).
 */
@NullMarked
package gov.envgov.permit.permit;

import org.jspecify.annotations.NullMarked;
