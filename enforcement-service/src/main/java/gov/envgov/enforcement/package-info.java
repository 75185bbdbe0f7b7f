/**
 * enforcement-service: inspection directories, double-random draws, enforcement cases through the legal procedure,
 * penalties and their publication. Feature packages: {@code pool} (the inspection pool, a read model of
 * permit-service's enterprise feed); {@code platform} (security and wiring only).
 */
@NullMarked
package gov.envgov.enforcement;

import org.jspecify.annotations.NullMarked;
