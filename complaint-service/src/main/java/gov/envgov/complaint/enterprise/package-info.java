/**
 * The complaint line's view of the enterprise registry: code, name and district of every registered discharge unit,
 * so a complaint can name the enterprise it is about and routing can use its district.
 * <p>
 * Owns: {@code enterprise_directory}, written only by {@link gov.envgov.complaint.enterprise.EnterpriseDirectoryFeed}
 * from permit-service's feed; never by a request. Invariant: a row only moves to a higher version.
 */
package gov.envgov.complaint.enterprise;
