package gov.envgov.permit.change;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitContent;

/**
 * An administrative change of an issued permit: the holder's name, address and legal representative, and content
 * that allows no more than before. {@code version} is the permit's version the change was made on.
 * {@code changedOn} is the day the change happened (e.g. the name registered); {@code late} is set when the holder
 * applied more than the configured 30 days after it (PERMIT-CHANGE-FILING: flagged, not refused).
 */
public record PermitChange(String holderName, @Nullable String address, @Nullable String legalRepresentative,
                           PermitContent content, long version, @Nullable LocalDate changedOn,
                           @Nullable Boolean late) {

    public PermitChange(String holderName, @Nullable String address, @Nullable String legalRepresentative,
                        PermitContent content, long version) {
        this(holderName, address, legalRepresentative, content, version, null, null);
    }

    /** The change as applied for today: late when today is after the day of the change plus the filing days. */
    PermitChange filedOn(LocalDate today, int filingDays) {
        if (changedOn == null) {
            return new PermitChange(holderName, address, legalRepresentative, content, version, null, null);
        }
        if (changedOn.isAfter(today)) {
            throw new gov.envgov.support.domain.DomainException.RuleViolation("change-date-in-future",
                    "changedOn", "the change cannot have happened after today (" + today + ")");
        }
        return new PermitChange(holderName, address, legalRepresentative, content, version, changedOn,
                today.isAfter(changedOn.plusDays(filingDays)));
    }

    /** The change made to the permit, if it still is the version the change was made on. */
    public Permit.Transition applyTo(Permit permit, Instant now) {
        permit.requireVersion(version);
        return permit.change(holderName, address, legalRepresentative, content, now);
    }
}
