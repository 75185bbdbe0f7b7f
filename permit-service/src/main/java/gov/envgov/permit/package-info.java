/**
 * permit-service: the enterprise registry, permits from application to end, administrative changes, public
 * disclosure, execution reports, online monitoring, registrations and the compliance picture. Feature packages:
 * {@code enterprise}; {@code permit} (the permit aggregate, its store and queries); {@code review}, {@code change},
 * {@code lifecycle} and {@code disclosure} (the permit's use cases); {@code report}; {@code monitoring};
 * {@code registration}; {@code compliance} (reads the others); {@code platform} (security and wiring only).
 */
@NullMarked
package gov.envgov.permit;

import org.jspecify.annotations.NullMarked;
