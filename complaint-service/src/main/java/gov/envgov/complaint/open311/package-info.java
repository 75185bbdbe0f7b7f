/**
 * Open311 GeoReport v2 (JSON and XML, both written by Jackson) over the one complaint registration: discovery,
 * services and their definitions, POST requests with an api key (body or query string; form-encoded or multipart
 * with media), GET requests with the specification's filters (comma-separated lists; ids override the rest) and
 * default window, GET one request, tokens, media of published requests, and errors as
 * {@code errors[error{code, description}]} for every path under {@code /open311/}, known or not.
 * <p>
 * Owns: {@code open311_client} (client applications and the hash of their api key; admin issues and revokes); the
 * reads of the public feed ({@code complaint_publication}, written by intake, and marked "reply public" here).
 * <p>
 * Invariants (docs/rules.md § Open311): the public feed shows only complaints whose filer agreed, with description,
 * address and reply scrubbed of phone, e-mail, ID and plate numbers ({@link
 * gov.envgov.complaint.open311.PersonalDataScrubber}), the reply only once staff marked it public, complainant
 * identity never; the district is derived from lat/long or address_string when not given, and a location outside
 * the city is refused; coordinates in GCJ-02 or BD-09 are converted to WGS84 on the way in; absolute URLs come from
 * the configured public base URL.
 * <p>
 * Publishes: nothing itself (a POST registers through {@code intake}). Consumes: intake, photos and complaint reads.
 */
@NullMarked
package gov.envgov.complaint.open311;

import org.jspecify.annotations.NullMarked;
