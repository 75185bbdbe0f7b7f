package gov.envgov.credit.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A credit record as staff and its enterprise see it: what it is worth, where it came from, whether on time. */
public record RecordResponse(UUID id, String subjectCode, int period, RecordOrigin origin,
                             CreditRecord.Source source, String eventType, UUID caseId, LocalDate occurredOn,
                             LocalDate knownOn, String schemeVersion, String rule, String indicator, String severity,
                             int points, String vetoCode, String summary, Map<String, Object> details,
                             List<CreditRecord.Evidence> evidence, LocalDate enterBy, LocalDate enteredOn,
                             boolean late, Instant enteredAt, String enteredBy, RecordStatus status,
                             String statusReason) {

    public static RecordResponse from(CreditRecord record) {
        return new RecordResponse(record.id(), record.subjectCode(), record.period(), record.origin(),
                record.source(), record.eventType(), record.caseId(), record.occurredOn(), record.knownOn(),
                record.schemeVersion(), record.rule(), record.indicator(), record.severity(), record.points(),
                record.vetoCode(), record.summary(), record.details(), record.evidence(), record.enterBy(),
                record.enteredOn(), record.isLate(), record.enteredAt(), record.enteredBy(), record.status(),
                record.statusReason());
    }
}
