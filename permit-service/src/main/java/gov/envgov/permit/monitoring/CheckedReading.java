package gov.envgov.permit.monitoring;

/** A reading checked against the concentration its permit allows. */
record CheckedReading(Reading reading, double permitted, boolean exceeds) {
}
