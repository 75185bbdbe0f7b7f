package gov.envgov.permit.permit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The events of a permit's life, published on permit-service's feed. Each record's simple name is its type on the
 * wire; every one carries the permit and its holder.
 */
public sealed interface PermitEvent extends OnPermitStream {

    record PermitApplicationSubmitted(UUID permitId, String enterpriseCode, ApplicationKind kind,
                                      PermitClass permitClass, LocalDate submittedOn, LocalDate completenessDue,
                                      LocalDate decisionDue) implements PermitEvent {
    }

    record PermitSupplementRequested(UUID permitId, String enterpriseCode, String request) implements PermitEvent {
    }

    /** Accepted by a reviewer, or deemed accepted because nobody asked for a supplement in time. */
    record PermitApplicationAccepted(UUID permitId, String enterpriseCode, LocalDate acceptedOn, boolean deemed,
                                     LocalDate decisionDue) implements PermitEvent {
    }

    record PermitSiteCheckScheduled(UUID permitId, String enterpriseCode, LocalDate decisionDue)
            implements PermitEvent {
    }

    record PermitIssued(UUID permitId, String enterpriseCode, String number, PermitClass permitClass,
                        ApplicationKind kind, LocalDate validFrom, LocalDate validTo) implements PermitEvent {
    }

    record PermitRejected(UUID permitId, String enterpriseCode, String reason) implements PermitEvent {
    }

    /** An administrative change (name, address, legal representative, or limits that allow no more). */
    record PermitChanged(UUID permitId, String enterpriseCode, String number, long version) implements PermitEvent {
    }

    /** The holder applied for an administrative change; a reviewer decides. */
    record PermitChangeRequested(UUID permitId, String enterpriseCode, UUID requestId) implements PermitEvent {
    }

    record PermitChangeRejected(UUID permitId, String enterpriseCode, UUID requestId, String reason)
            implements PermitEvent {
    }

    /** 撤销 (REVOKED), 吊销 (WITHDRAWN) or 注销 (CANCELLED), with the reason and the legal basis cited. */
    record PermitEnded(UUID permitId, String enterpriseCode, String number, PermitStatus status, String reason,
                       String legalBasis) implements PermitEvent {
    }

    record PermitExpired(UUID permitId, String enterpriseCode, String number, LocalDate validTo)
            implements PermitEvent {
    }

    record PermitSuperseded(UUID permitId, String enterpriseCode, String number, UUID supersededBy)
            implements PermitEvent {
    }

    /** A reminder {@code daysBefore} days before {@code renewalLastDay}, the last day to apply for renewal. */
    record PermitExpiryReminder(UUID permitId, String enterpriseCode, String number, LocalDate validTo,
                                int daysBefore, LocalDate renewalLastDay) implements PermitEvent {
    }
}
