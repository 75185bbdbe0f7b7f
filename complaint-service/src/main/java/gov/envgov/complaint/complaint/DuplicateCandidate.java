package gov.envgov.complaint.complaint;

import java.util.UUID;

/** An open complaint that may report the same facts, for the operator to confirm or ignore. */
public record DuplicateCandidate(UUID id, String trackingCode, ComplaintStatus status, double similarity,
                                 Double distanceMeters) {
}
