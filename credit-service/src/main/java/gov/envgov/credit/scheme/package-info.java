/**
 * Credit-evaluation schemes as versioned data (Liaoning's by default, the national 2013 scheme and Anhui's for
 * comparison), public to read.
 * <p>
 * Owns: the scheme files {@code credit/schemes/*.json} (no tables). Invariants: a version never changes once shipped
 * (a change is a new version); a period is evaluated under the version of the city's scheme
 * ({@code envgov.credit.schemes.in-force}) in force on its first day; every deduction names an indicator of its
 * scheme, its last severity band is open-ended, and the grades run from best to worst, the worst from 0; a veto
 * event gives the worst grade whatever the score. Publishes and consumes nothing.
 */
@NullMarked
package gov.envgov.credit.scheme;

import org.jspecify.annotations.NullMarked;
