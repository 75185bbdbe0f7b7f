package gov.envgov.enforcement.inspection;

/** How a unit is inspected: at its site, or from records, monitoring data and video (非现场检查). */
public enum InspectionMode {
    ON_SITE, OFF_SITE
}
