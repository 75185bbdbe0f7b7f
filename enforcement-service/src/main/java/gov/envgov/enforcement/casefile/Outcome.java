package gov.envgov.enforcement.casefile;

/** What a decision decides: a penalty, no penalty (首违不罚, no fault, not proven), or a referral (移送). */
public enum Outcome {
    PENALTY, NO_PENALTY, REFERRAL
}
