/**
 * Events across services: the transactional outbox ({@code event_outbox}), the pull feed at
 * {@code /internal/events} that only exposes positions no open transaction can still fill, and feed consumers that
 * apply each event exactly once together with their stored cursor.
 */
@NullMarked
package gov.envgov.support.events;

import org.jspecify.annotations.NullMarked;
