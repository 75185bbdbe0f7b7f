package gov.envgov.enforcement.clue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A clue as inspectors see it, with where it came from and whether its filing decision is overdue. */
public record ClueResponse(UUID id, ClueSource source, UUID sourceEventId, String enterpriseCode, String district,
                           String summary, Map<String, Object> details, ClueStatus status, LocalDate receivedOn,
                           LocalDate filingDue, boolean overdue, Instant receivedAt, String enteredBy) {

    static ClueResponse from(Clue clue, LocalDate today) {
        return new ClueResponse(clue.id(), clue.source(), clue.sourceEventId(), clue.enterpriseCode(), clue.district(),
                clue.summary(), clue.details(), clue.status(), clue.receivedOn(), clue.filingDue(),
                clue.isOverdue(today), clue.receivedAt(), clue.enteredBy());
    }
}
