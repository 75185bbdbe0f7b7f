package gov.envgov.enforcement.draw;

/** Who runs the draw: the city bureau or a county-level branch; rates and staff ratios differ (DOMAIN.md). */
public enum SupervisionLevel {
    CITY, COUNTY
}
