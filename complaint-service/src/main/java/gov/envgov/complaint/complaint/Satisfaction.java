package gov.envgov.complaint.complaint;

/**
 * The complainant's satisfaction at the follow-up call (回访). Kept apart from whether the problem was solved, so a
 * lawful but unwelcome result does not count against the handler.
 */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
