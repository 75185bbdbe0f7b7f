package gov.envgov.credit.facility;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event of the facility's history as the public may read it.
 *
 * @param ref         the aggregate the event is about (a permit, a case, an inspection task), to link related facts
 * @param withdrawnOn set when a withdrawn decision took the fact back; it no longer counts in the quarters
 */
public record FacilityFact(UUID sourceEventId, String producer, String subjectCode, FacilityCategory category,
                           String eventType, @Nullable String ref, LocalDate occurredOn, Severity severity,
                           String summary, @Nullable LocalDate withdrawnOn) {

    public boolean counts() {
        return withdrawnOn == null && severity != Severity.NONE;
    }
}
