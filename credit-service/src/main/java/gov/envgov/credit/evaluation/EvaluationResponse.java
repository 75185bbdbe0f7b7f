package gov.envgov.credit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An evaluation as staff see it. */
public record EvaluationResponse(UUID id, int period, String schemeVersion, EvaluationStatus status,
                                 LocalDate preliminaryOn, LocalDate objectionEnds, boolean objectionsOpen,
                                 LocalDate approvedOn, String approvedBy, LocalDate finalDue, LocalDate publishedOn) {

    public static EvaluationResponse from(Evaluation evaluation, LocalDate today) {
        return new EvaluationResponse(evaluation.id(), evaluation.period(), evaluation.schemeVersion(),
                evaluation.status(), evaluation.preliminaryOn(), evaluation.objectionEnds(),
                evaluation.acceptsObjections(today), evaluation.approvedOn(), evaluation.approvedBy(),
                evaluation.finalDue(), evaluation.publishedOn());
    }

    /** One version of a subject's result; the explanation only where the reader may see it. */
    public record Result(int period, String subjectCode, String subjectName, int version, int score, String grade,
                         boolean veto, ResultReason reason, Instant createdAt, Explanation explanation) {

        public static Result from(CreditResult result, boolean explained) {
            return new Result(result.period(), result.subjectCode(), result.subjectName(), result.version(),
                    result.score(), result.grade(), result.veto(), result.reason(), result.createdAt(),
                    explained ? result.explanation() : null);
        }
    }

    /** An objection and its answer. */
    public record ObjectionView(UUID id, int period, String subjectCode, int resultVersion, String reasons,
                                List<String> evidence, List<UUID> disputedRecords, ObjectionStatus status,
                                Instant filedAt, String answer, Instant answeredAt, Integer newVersion) {

        public static ObjectionView from(Objection objection) {
            return new ObjectionView(objection.id(), objection.period(), objection.subjectCode(),
                    objection.resultVersion(), objection.reasons(), objection.evidence(),
                    objection.disputedRecords(), objection.status(), objection.filedAt(), objection.answer(),
                    objection.answeredAt(), objection.newVersion());
        }
    }

    /** The public answer for a credit code: the newest final grade, no personal data. */
    public record PublicGrade(String creditCode, String name, String grade, int period, int version,
                              String schemeVersion) {

        public static PublicGrade from(CreditResult result) {
            return new PublicGrade(result.subjectCode(), result.subjectName(), result.grade(), result.period(),
                    result.version(), result.explanation().schemeVersion());
        }
    }
}
