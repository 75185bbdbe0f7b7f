package gov.envgov.enforcement.clue;

/** Where a clue came from (案源): another service's event, a failed inspection item, or an inspector. */
public enum ClueSource {
    /** complaint-service {@code ComplaintSubstantiated}. */
    COMPLAINT,
    /** permit-service {@code MonitoringExceedance}. */
    MONITORING_EXCEEDANCE,
    /** permit-service {@code ExecutionReportOverdue}. */
    REPORT_OVERDUE,
    /** permit-service {@code PermitQuantityExceeded}. */
    QUANTITY_EXCEEDED,
    /** permit-service {@code PermitExpired}: a unit whose permit ended may be discharging without one. */
    PERMIT_EXPIRED,
    /** permit-service {@code DischargeWithoutPermit}: readings from a unit that holds no valid permit. */
    DISCHARGE_WITHOUT_PERMIT,
    INSPECTION,
    INSPECTOR
}
