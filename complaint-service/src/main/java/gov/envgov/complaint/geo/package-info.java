/**
 * Map coordinates and districts: GCJ-02 and BD-09, as Chinese maps show them, to WGS84 (pure functions), and the
 * district of a location by point-in-polygon over the district boundaries kept as reference data in
 * {@code geo/district-boundaries.json} (coarse, hand-drawn polygons; the file says how to replace them), or the
 * district an address names.
 * <p>
 * Owns: the boundary file. Publishes and consumes nothing.
 */
@NullMarked
package gov.envgov.complaint.geo;

import org.jspecify.annotations.NullMarked;
