/**
 * Intake: one registration for every channel (web and app for citizens, hotline and letters for operators, anonymous
 * filing on the web, Open311 client applications), tracking codes, and tracking an anonymous complaint by code and
 * secret.
 * <p>
 * Owns: the tracking code and secret hash of each complaint (columns of {@code complaint}, written at registration);
 * the filer's consent to the public feed ({@code complaint_publication}, written with the registration, default no on
 * every channel); registrations are written by group commit ({@link gov.envgov.complaint.intake.RegistrationWriter}).
 * <p>
 * Invariants ({@link gov.envgov.complaint.intake.IntakePolicy}): a channel is allowed by role; the district is one of
 * the city's; only a letter has a day of receipt, at most the ceiling ago, and its clock runs from that day; a resident
 * ID number's check character matches; a named enterprise is one the registry knows; the due date is the type's working
 * days; an anonymous complaint carries no identity and only the hash of its secret is kept; nobody is answered before
 * their registration has committed.
 * <p>
 * Publishes: {@code ComplaintRegistered}. Consumes: the enterprise directory, the identity vault.
 */
@NullMarked
package gov.envgov.complaint.intake;

import org.jspecify.annotations.NullMarked;
