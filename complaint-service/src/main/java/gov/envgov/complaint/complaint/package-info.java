/**
 * Complaints (12345 环境投诉): one registration for every channel.
 * <p>
 * Owns: the {@code complaint} table. This first slice covers registration and reading back; dispatch, handling,
 * SLA clocks and Open311 build on it.
 * <p>
 * Invariants: a complaint belongs to whoever filed it; a citizen sees only their own (another's answers 404, so
 * existence does not leak); staff of the complaint line see all. A named enterprise must be one the registry knows.
 * <p>
 * Publishes: {@link gov.envgov.complaint.complaint.ComplaintRegistered} (no personal data).
 */
package gov.envgov.complaint.complaint;
