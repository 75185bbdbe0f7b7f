package gov.envgov.enforcement.draw;

/** Where a draw stands: announced with its seed committed, drawn (list confidential), results published. */
public enum DrawStatus {
    ANNOUNCED, DRAWN, PUBLISHED
}
