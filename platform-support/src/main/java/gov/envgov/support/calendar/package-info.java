/**
 * Time as the law counts it: the PRC working-day calendar (holidays and make-up working days from
 * {@code calendar/holidays-*.yaml}) and {@link gov.envgov.support.calendar.BureauTime}, today in the bureau's zone.
 */
@NullMarked
package gov.envgov.support.calendar;

import org.jspecify.annotations.NullMarked;
