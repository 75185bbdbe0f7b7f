/**
 * The gateway's edge towards clients and services: deadlines for client connections, request targets decoded as
 * UTF-8, outages of a service answered as 503/504 problems with {@code Retry-After}, CORS for the public reads.
 */
@NullMarked
package gov.envgov.gateway.edge;

import org.jspecify.annotations.NullMarked;
