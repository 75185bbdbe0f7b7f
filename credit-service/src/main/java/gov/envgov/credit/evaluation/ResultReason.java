package gov.envgov.credit.evaluation;

/** Why a version of a subject's result exists. */
public enum ResultReason {
    PRELIMINARY, OBJECTION_UPHELD,
    /** Records changed before approval (a penalty decision withdrawn, a late record): the approved result has them. */
    RECORDS_CHANGED,
    REPAIR
}
