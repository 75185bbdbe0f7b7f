/**
 * The complaint line's view of the enterprise registry: code, name and district of every registered discharge unit,
 * so a complaint can name the enterprise it is about and routing can use its district.
 * <p>
 * Owns: {@code enterprise_directory}, written only by {@link gov.envgov.complaint.enterprise.EnterpriseDirectoryFeed}
 * from permit-service's feed; never by a request.
 * <p>
 * Invariant: a row only moves to a higher version (events may be replayed).
 * <p>
 * Publishes: nothing. Consumes: permit-service's {@code EnterpriseRegistered} and {@code EnterpriseChanged}.
 */
@NullMarked
package gov.envgov.complaint.enterprise;

import org.jspecify.annotations.NullMarked;
