package gov.envgov.enforcement.clue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A lead for an enforcement case. {@code filingDue} is the last working day to decide whether to file (立案): 15
 * working days after receipt (ENF-CLUE-FILING-DEADLINE).
 *
 * @param sourceEventId the event it came from, or null when an inspector entered it
 */
public record Clue(UUID id, ClueSource source, UUID sourceEventId, String enterpriseCode, String district,
                   String summary, Map<String, Object> details, ClueStatus status, LocalDate receivedOn,
                   LocalDate filingDue, Instant receivedAt, String enteredBy) {

    public Clue {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public boolean isOverdue(LocalDate today) {
        return status == ClueStatus.OPEN && today.isAfter(filingDue);
    }
}
