package gov.envgov.permit.monitoring;

/** The kinds of data anomaly online monitoring signals (PERMIT-DATA-ANOMALY). */
public enum AnomalyKind {
    /** No data from an outlet's pollutant for longer than the configured time. */
    SILENT,
    /** The same value over the configured run of consecutive valid readings. */
    CONSTANT,
    /** A value outside the analyser's measuring range. */
    OUT_OF_RANGE
}
