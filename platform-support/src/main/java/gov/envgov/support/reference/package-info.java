/**
 * Reference data every service shares: the city's districts (configuration, {@code envgov.reference}).
 */
@NullMarked
package gov.envgov.support.reference;

import org.jspecify.annotations.NullMarked;
