package gov.envgov.credit.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/**
 * An enterprise's objection (异议) to its preliminary result: its reasons, its evidence and the records it disputes;
 * answered once by a credit officer, upheld (a new version of the result) or rejected, always with the answer given.
 *
 * @param newVersion the result version an upheld objection made
 */
public record Objection(UUID id, UUID evaluationId, int period, String subjectCode, int resultVersion,
                        String reasons, List<String> evidence, List<UUID> disputedRecords, ObjectionStatus status,
                        String filedBy, Instant filedAt, String answer, String answeredBy, Instant answeredAt,
                        Integer newVersion) {

    public Objection {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        disputedRecords = disputedRecords == null ? List.of() : List.copyOf(disputedRecords);
    }

    public static Objection file(UUID id, UUID evaluationId, int period, String subjectCode, int resultVersion,
                                 String reasons, List<String> evidence, List<UUID> disputedRecords, String filedBy,
                                 Instant now) {
        return new Objection(id, evaluationId, period, subjectCode, resultVersion, reasons, evidence,
                disputedRecords, ObjectionStatus.OPEN, filedBy, now, null, null, null, null);
    }

    /** CRD-OBJECTION-ANSWER: each objection is answered once. */
    public void requireOpen() {
        if (status != ObjectionStatus.OPEN) {
            throw new DomainException.Conflict("objection-answered", "objection " + id + " was answered already ("
                    + status + ")", new DomainException.Blocker("objection", id, status), null);
        }
    }

    /** CRD-OBJECTION-ANSWER: each objection is answered once, with the answer; upheld ones name the new version. */
    public Objection answer(boolean upheld, String answerText, String officer, Instant now, Integer madeVersion) {
        requireOpen();
        return new Objection(id, evaluationId, period, subjectCode, resultVersion, reasons, evidence,
                disputedRecords, upheld ? ObjectionStatus.UPHELD : ObjectionStatus.REJECTED, filedBy, filedAt,
                answerText, officer, now, madeVersion);
    }
}
