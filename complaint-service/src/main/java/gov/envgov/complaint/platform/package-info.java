/** Security and wiring of complaint-service only: no business rules. */
@NullMarked
package gov.envgov.complaint.platform;

import org.jspecify.annotations.NullMarked;
