package gov.envgov.permit.change;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitContent;

/**
 * An administrative change of an issued permit: the holder's name, address and legal representative, and content
 * that allows no more than before. {@code version} is the permit's version the change was made on.
 */
public record PermitChange(String holderName, @Nullable String address, @Nullable String legalRepresentative,
                           PermitContent content, long version) {

    /** The change made to the permit, if it still is the version the change was made on. */
    public Permit.Transition applyTo(Permit permit, Instant now) {
        permit.requireVersion(version);
        return permit.change(holderName, address, legalRepresentative, content, now);
    }
}
