package gov.envgov.credit.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One behaviour that counts for an enterprise's credit (信用记录): where it came from, what it is worth under the
 * scheme version of its period, and the day it had to be entered by (CRD-RECORD-ENTRY-DEADLINE).
 *
 * @param period     the calendar year the behaviour falls in (the year of {@code occurredOn})
 * @param source     the producer's event it was made from; null for a record a credit officer entered
 * @param measure    what its severity band is chosen by (exceedance ratio, fine, failed items), if anything
 * @param flagged    the source marked it a veto event (a penalty decision's veto flag)
 * @param caseId     the enforcement case of a penalty, so that a withdrawn decision finds its record
 * @param knownOn    the day the bureau learned of it: the entry deadline counts from here
 * @param evidence   what a credit officer entered it on (documents with their hashes); empty for feed records
 */
public record CreditRecord(UUID id, String subjectCode, int period, RecordOrigin origin, Source source,
                           String eventType, UUID caseId, LocalDate occurredOn, LocalDate knownOn, Double measure,
                           boolean flagged, String schemeVersion, String rule, String indicator, String severity,
                           int points, String vetoCode, String summary, Map<String, Object> details,
                           List<Evidence> evidence, LocalDate enterBy, LocalDate enteredOn, Instant enteredAt,
                           String enteredBy, RecordStatus status, String statusReason) {

    public CreditRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The producer's event: feed (the consumer's cursor name), position in the producer's feed, event id. */
    public record Source(String producer, String feed, long position, UUID eventId) {
    }

    /** A document a record rests on; {@code sha256} fixes its content. */
    @Schema(name = "RecordEvidence")
    public record Evidence(String name, String sha256, String uri) {
    }

    /** Entered after its deadline: still counted, but shown as late. */
    public boolean isLate() {
        return enteredOn.isAfter(enterBy);
    }

    public boolean isActive() {
        return status == RecordStatus.ACTIVE;
    }
}
