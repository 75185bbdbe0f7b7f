package gov.envgov.credit.evaluation;

/** Where a period's evaluation stands. */
public enum EvaluationStatus {
    /** Computed and frozen as version 1 of every result; published for objections until the window closes. */
    PRELIMINARY,
    /** Every objection answered and the result approved; final publication is due within 5 working days. */
    APPROVED,
    /** Published as final: the grades are public and on the feed. */
    FINAL
}
