/**
 * The auto-configuration every service gets by depending on this module: clock, time zone, problem responses,
 * request logging, JWT validation and role mapping, the working-day calendar, outbox, audit trail, event feed and
 * feed consumers, the clock schedule, the shared input checks and server timeouts ({@code envgov.web}), the API
 * description's title, version and bearer scheme.
 */
@NullMarked
package gov.envgov.support.config;

import org.jspecify.annotations.NullMarked;
