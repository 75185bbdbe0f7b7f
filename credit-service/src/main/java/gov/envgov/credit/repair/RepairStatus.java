package gov.envgov.credit.repair;

public enum RepairStatus {
    SUBMITTED, APPROVED, REJECTED
}
