/**
 * Identifiers the law defines: the unified social credit code (GB 32100-2015) and its Bean Validation constraint.
 */
@NullMarked
package gov.envgov.support.code;

import org.jspecify.annotations.NullMarked;
