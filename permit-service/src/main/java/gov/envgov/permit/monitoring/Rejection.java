package gov.envgov.permit.monitoring;

/** A reading of a batch that was not stored: its position in the batch, a stable reason code and a message. */
public record Rejection(int index, String reason, String message) {
}
