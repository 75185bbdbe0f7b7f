package gov.envgov.permit.enterprise;

import java.time.Instant;

/** An enterprise as the API shows it; {@code contact} only to staff and to the enterprise itself. */
public record EnterpriseResponse(String code, String name, String district, String industryCode,
                                 ManagementClass managementClass, String address, GeoPoint location,
                                 Contact contact, long version, Instant registeredAt, Instant changedAt) {

    static EnterpriseResponse from(Enterprise enterprise, boolean withContact) {
        return new EnterpriseResponse(enterprise.code(), enterprise.name(), enterprise.district(),
                enterprise.industryCode(), enterprise.managementClass(), enterprise.address(),
                enterprise.location(), withContact ? enterprise.contact() : null, enterprise.version(),
                enterprise.registeredAt(), enterprise.changedAt());
    }
}
