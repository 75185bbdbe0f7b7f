/** How every repository binds shared kinds of values into SQL. */
@NullMarked
package gov.envgov.support.sql;

import org.jspecify.annotations.NullMarked;
