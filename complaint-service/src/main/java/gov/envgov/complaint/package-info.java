/**
 * complaint-service: the 12345 environmental complaint line. Feature packages: {@code complaint} (the aggregate, its
 * events and the handling workflow), {@code intake} (registration through every channel, tracking),
 * {@code complainant} (the identity vault), {@code routing} (dispatch to units), {@code sla} (due dates, pauses,
 * extensions, escalation), {@code duplicate} (proposals and links), {@code photo}, {@code statistics},
 * {@code open311} (GeoReport v2), {@code enterprise} (read model of permit-service's registry), {@code geo} (map
 * coordinates); {@code platform} (security and wiring only). Dependencies run one way: the features build on
 * {@code complaint}, which builds on {@code complainant} and {@code enterprise}.
 */
@NullMarked
package gov.envgov.complaint;

import org.jspecify.annotations.NullMarked;
