package gov.envgov.permit.enterprise;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import gov.envgov.support.code.UnifiedSocialCreditCode;

/**
 * A registered discharge unit. Immutable: every change returns the next version together with the event it causes.
 */
public record Enterprise(String code, String name, String district, String industryCode,
                         ManagementClass managementClass, String address, GeoPoint location, Contact contact,
                         long version, Instant registeredAt, Instant changedAt) {

    public Enterprise {
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new IllegalArgumentException("invalid unified social credit code " + code);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(managementClass, "managementClass");
    }

    public static Changed<EnterpriseRegistered> register(String code, Details details, Contact contact,
                                                         Instant now) {
        Enterprise enterprise = new Enterprise(code, details.name(), details.district(), details.industryCode(),
                details.managementClass(), details.address(), details.location(), contact, 1, now, now);
        return new Changed<>(enterprise, new EnterpriseRegistered(enterprise.snapshot()));
    }

    /** Applies new registry details; empty when nothing differs (no new version, no event). */
    public Optional<Changed<EnterpriseChanged>> change(Details details, Instant now) {
        if (details.equals(details())) {
            return Optional.empty();
        }
        Enterprise next = new Enterprise(code, details.name(), details.district(), details.industryCode(),
                details.managementClass(), details.address(), details.location(), contact, version + 1,
                registeredAt, now);
        return Optional.of(new Changed<>(next, new EnterpriseChanged(next.snapshot())));
    }

    /** Contact data is not part of the published snapshot, so changing it publishes nothing. */
    public Enterprise changeContact(Contact newContact, Instant now) {
        return new Enterprise(code, name, district, industryCode, managementClass, address, location, newContact,
                version + 1, registeredAt, now);
    }

    public Details details() {
        return new Details(name, district, industryCode, managementClass, address, location);
    }

    public EnterpriseSnapshot snapshot() {
        return new EnterpriseSnapshot(code, name, district, industryCode, managementClass, address,
                location == null ? null : location.longitude(), location == null ? null : location.latitude(),
                version);
    }

    /** The registry data staff maintain. */
    public record Details(String name, String district, String industryCode, ManagementClass managementClass,
                          String address, GeoPoint location) {
    }

    /** A new state of the enterprise and the event that reports it. */
    public record Changed<E>(Enterprise enterprise, E event) {
    }
}
