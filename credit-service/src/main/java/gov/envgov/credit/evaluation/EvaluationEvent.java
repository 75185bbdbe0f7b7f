package gov.envgov.credit.evaluation;

import java.time.LocalDate;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * Events of credit evaluations, published on credit-service's feed ({@code /internal/events}). Each record's simple
 * name is its type on the wire.
 */
public sealed interface EvaluationEvent extends PublishedEvent {

    @Override
    default String aggregateType() {
        return "credit-evaluation";
    }

    /** A period's preliminary result was frozen and published for objections until {@code objectionEnds}. */
    record PreliminaryResultPublished(UUID evaluationId, String period, String schemeVersion, int subjects,
                                      LocalDate objectionEnds) implements EvaluationEvent {
        @Override
        public String aggregateId() {
            return evaluationId.toString();
        }
    }

    /** The result was approved; final publication is due by {@code finalDue}. */
    record EvaluationApproved(UUID evaluationId, String period, LocalDate approvedOn, LocalDate finalDue)
            implements EvaluationEvent {
        @Override
        public String aggregateId() {
            return evaluationId.toString();
        }
    }

    /**
     * A subject's grade, published as final (one per subject, on final publication and on every later version).
     * enforcement-service weights its inspection draw by it. The contract: {@code enterpriseId} is the name-based
     * UUID (version 3) of the credit code, {@code creditCode} the unified social credit code, {@code grade} the
     * grade's code in the scheme ({@code 守信} … {@code 严重失信} under Liaoning's), {@code period} the calendar year,
     * {@code version} the result's version.
     */
    record CreditGradePublished(String enterpriseId, String creditCode, String grade, String period, int version)
            implements EvaluationEvent {

        public static CreditGradePublished of(CreditResult result) {
            return new CreditGradePublished(enterpriseId(result.subjectCode()).toString(), result.subjectCode(),
                    result.grade(), String.valueOf(result.period()), result.version());
        }

        /** The same UUID for the same credit code in every service that derives it. */
        public static UUID enterpriseId(String creditCode) {
            return UUID.nameUUIDFromBytes(("envgov:enterprise:" + creditCode)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String aggregateType() {
            return "credit-result";
        }

        @Override
        public String aggregateId() {
            return creditCode;
        }
    }
}
