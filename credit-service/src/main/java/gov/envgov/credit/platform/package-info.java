/** Security and wiring of credit-service only: no business rules. */
@NullMarked
package gov.envgov.credit.platform;

import org.jspecify.annotations.NullMarked;
