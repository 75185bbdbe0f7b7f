package gov.envgov.complaint.duplicate;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complaint.ComplaintStatus;

/** An open complaint that may report the same facts, for the operator to confirm or ignore. */
public record DuplicateCandidate(UUID id, String trackingCode, ComplaintStatus status, double similarity,
                                 @Nullable Double distanceMeters) {
}
