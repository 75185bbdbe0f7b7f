package gov.envgov.enforcement.measure;

/** A side measure runs until it is ended: corrected at a re-inspection, lifted, or ended otherwise. */
public enum MeasureStatus {
    ACTIVE, ENDED
}
