package gov.envgov.permit.change;

import java.time.Instant;
import java.util.UUID;

/** A change request as shown: what the holder asked for, and what became of it. */
public record ChangeRequestResponse(UUID id, UUID permitId, PermitChange change, ChangeRequestStatus status,
                                    String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                                    String reason) {

    static ChangeRequestResponse from(ChangeRequest request) {
        return new ChangeRequestResponse(request.id(), request.permitId(), request.change(), request.status(),
                request.requestedBy(), request.requestedAt(), request.decidedBy(), request.decidedAt(),
                request.reason());
    }
}
