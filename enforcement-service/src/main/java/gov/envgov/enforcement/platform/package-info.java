/** Security and wiring of enforcement-service only: no business rules. */
@NullMarked
package gov.envgov.enforcement.platform;

import org.jspecify.annotations.NullMarked;
