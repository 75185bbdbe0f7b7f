package gov.envgov.enforcement.inspector;

import java.time.LocalDate;
import java.util.UUID;

/** An inspector of the pool as staff see it. */
public record InspectorResponse(UUID id, String username, String name, String credentialNumber, LocalDate validUntil,
                                String district, String department, boolean active) {

    static InspectorResponse from(Inspector inspector) {
        return new InspectorResponse(inspector.id(), inspector.username(), inspector.name(),
                inspector.credentialNumber(), inspector.validUntil(), inspector.district(), inspector.department(),
                inspector.active());
    }
}
