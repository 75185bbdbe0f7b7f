/**
 * Open311 GeoReport v2 (JSON and XML) over the one complaint registration: discovery, services and their
 * definitions, POST requests with an api key, GET requests with the specification's filters and default window, GET
 * one request, tokens, and errors as {@code errors[error{code, description}]}.
 * <p>
 * Owns: {@code open311_client} (client applications and the hash of their api key; admin issues and revokes).
 * <p>
 * Invariants: no personal data in any GET output — complainant identity never, and digit runs that look like phone
 * or ID numbers are masked in descriptions; coordinates in GCJ-02 or BD-09 are converted to WGS84 on the way in.
 * <p>
 * Publishes: nothing itself (a POST registers through {@code intake}). Consumes: intake and complaint reads.
 */
@NullMarked
package gov.envgov.complaint.open311;

import org.jspecify.annotations.NullMarked;
