/**
 * Permits (排污许可证): application, review against legal deadlines, issue, administrative change, renewal, the
 * early ends (撤销, 吊销, 注销) and expiry.
 * <p>
 * Owns the {@code permit} and {@code permit_limit} tables. Invariants: every transition is guarded by the state it
 * starts from ({@link gov.envgov.permit.permit.Permit}); deadlines are working days on the holiday calendar with
 * the numbers from configuration; an administrative change never allows more (new outlets, pollutants or higher
 * limits need a new application); an enterprise sees only its own permits (anything else is 404); only reviewers
 * decide, only admin ends a permit. Publishes the {@link gov.envgov.permit.permit.PermitEvent} records.
 */
package gov.envgov.permit.permit;
