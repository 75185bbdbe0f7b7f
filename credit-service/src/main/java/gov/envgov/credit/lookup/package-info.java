/**
 * The public credit lookup by credit code: the newest final grade ({@code evaluation}) and the list status
 * ({@code blacklist}) in one answer, without login and without personal data. Owns no tables.
 */
@NullMarked
package gov.envgov.credit.lookup;

import org.jspecify.annotations.NullMarked;
