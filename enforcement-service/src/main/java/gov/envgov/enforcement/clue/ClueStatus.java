package gov.envgov.enforcement.clue;

/** A clue waits for the decision whether to file a case (立案); cases move it on. */
public enum ClueStatus {
    OPEN, FILED, NOT_FILED
}
