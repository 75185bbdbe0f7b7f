package gov.envgov.credit.evaluation;

public enum ObjectionStatus {
    OPEN, UPHELD, REJECTED
}
