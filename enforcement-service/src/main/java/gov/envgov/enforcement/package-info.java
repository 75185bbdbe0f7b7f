/**
 * enforcement-service: inspection directories, double-random draws, enforcement cases through the legal procedure,
 * penalties and their publication. Feature packages: {@code pool} (the inspection pool, a read model of
 * permit-service's enterprise feed and credit-service's grades); {@code catalogue} (the inspection-item list and
 * enforcement item catalogue); {@code inspector}, {@code draw}, {@code task} (double-random draws and their tasks);
 * {@code inspection} (tasks performed, results published); {@code positivelist} (正面清单); {@code clue},
 * {@code casefile}, {@code measure} (side measures), {@code discretion}, {@code disclosure}; {@code platform}
 * (security and wiring only).
 */
@NullMarked
package gov.envgov.enforcement;

import org.jspecify.annotations.NullMarked;
