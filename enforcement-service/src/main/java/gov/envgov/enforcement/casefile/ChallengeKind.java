package gov.envgov.enforcement.casefile;

/** How a party contests a decision: administrative review (行政复议, 60 days) or a lawsuit (行政诉讼, 6 months). */
public enum ChallengeKind {
    ADMINISTRATIVE_REVIEW, LAWSUIT
}
