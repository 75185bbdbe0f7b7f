/**
 * Map coordinates: GCJ-02 and BD-09, as Chinese maps show them, to WGS84. Pure functions; owns nothing, publishes
 * and consumes nothing.
 */
@NullMarked
package gov.envgov.complaint.geo;

import org.jspecify.annotations.NullMarked;
