package gov.envgov.credit.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of one subject's result in a period. Versions are only ever added (the table refuses updates): the
 * preliminary result is version 1, an upheld objection or a repair makes the next.
 */
public record CreditResult(UUID evaluationId, int period, String subjectCode, String subjectName, int version,
                           int score, String grade, boolean veto, ResultReason reason, Explanation explanation,
                           Instant createdAt) {
}
