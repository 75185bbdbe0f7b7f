package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.events.PublishedEvent;

/**
 * The events of a complaint's way through the line, published on complaint-service's feed. Each record's simple name
 * is its type on the wire and its components are the payload, so renaming either is a contract change. None carries
 * personal data of the complainant.
 */
public sealed interface ComplaintEvent extends PublishedEvent {

    UUID complaintId();

    @Override
    default String aggregateType() {
        return "Complaint";
    }

    @Override
    default String aggregateId() {
        return complaintId().toString();
    }

    /** A complaint entered the line. */
    record ComplaintRegistered(UUID complaintId, String trackingCode, Channel channel, Category category,
                               String district, @Nullable String enterpriseCode, Instant registeredAt)
            implements ComplaintEvent {
    }

    /** A complaint went to a handling unit (转办). */
    record ComplaintDispatched(UUID complaintId, String unit, Instant at) implements ComplaintEvent {
    }

    /** The handling unit took the complaint on. */
    record ComplaintAccepted(UUID complaintId, String unit, Instant at) implements ComplaintEvent {
    }

    /** The unit sent the complaint back to dispatch (退单) with a reason. */
    record ComplaintReturned(UUID complaintId, String unit, String reason, Instant at) implements ComplaintEvent {
    }

    /** The unit recorded its result. */
    record ComplaintHandled(UUID complaintId, String unit, boolean substantiated, Instant at)
            implements ComplaintEvent {
    }

    /**
     * Handling found a complaint against an enterprise substantiated: a clue for enforcement and a record for
     * credit.
     */
    record ComplaintSubstantiated(UUID complaintId, String enterpriseCode, Category category, String district,
                                  String findings, Instant at) implements ComplaintEvent {
    }

    /** The complainant was answered. */
    record ComplaintReplied(UUID complaintId, Instant at) implements ComplaintEvent {
    }

    /** The follow-up call (回访) was made; a reopened complaint goes back to its unit. */
    record ComplaintFollowedUp(UUID complaintId, Satisfaction satisfaction, boolean solved, boolean reopened,
                               Instant at) implements ComplaintEvent {
    }

    /** The complaint is closed (办结). */
    record ComplaintClosed(UUID complaintId, Instant at) implements ComplaintEvent {
    }

    /** A complaint was confirmed as a duplicate and linked to the master complaint that is handled instead. */
    record ComplaintLinked(UUID complaintId, UUID masterId, Instant at) implements ComplaintEvent {
    }

    /** The unit waits on the complainant; the complaint's clock stands still. */
    record ComplaintPaused(UUID complaintId, String unit, Instant at) implements ComplaintEvent {
    }

    /** The clock runs again, with the due date moved by the pause. */
    record ComplaintResumed(UUID complaintId, LocalDate dueDate, Instant at) implements ComplaintEvent {
    }

    /** An extension was approved before the deadline; the reason is told to the complainant. */
    record ComplaintExtended(UUID complaintId, LocalDate dueDate, String reason, Instant at)
            implements ComplaintEvent {
    }

    /** The handling unit asked for more working days; nothing moves until an operator approves. */
    record ComplaintExtensionRequested(UUID complaintId, UUID requestId, String unit, int workingDays, Instant at)
            implements ComplaintEvent {
    }

    /** An operator refused the unit's request for more time; the due date stays. */
    record ComplaintExtensionRefused(UUID complaintId, UUID requestId, Instant at) implements ComplaintEvent {
    }

    /** An operator corrected the district a complaint was registered in. */
    record ComplaintDistrictCorrected(UUID complaintId, String previousDistrict, String district, Instant at)
            implements ComplaintEvent {
    }

    /** Overdue work escalated: reminder (催办), supervision (督办) or public notice (通报). */
    record ComplaintEscalated(UUID complaintId, @Nullable String unit, EscalationLevel level,
                              @Nullable LocalDate dueDate, Instant at) implements ComplaintEvent {
    }

    /**
     * A reopened complaint (重办) went back to its unit with a new time limit counted from the day it reopened.
     *
     * @param round how often the complaint has been reopened, this time included
     */
    record ComplaintReopened(UUID complaintId, @Nullable String unit, int round, LocalDate dueDate, Instant at)
            implements ComplaintEvent {
    }

    /**
     * A stored due date was counted again because the holiday schedule of {@code calendarYear} was corrected or
     * published late; one event per complaint whose date changed.
     */
    record ComplaintDueDateChanged(UUID complaintId, LocalDate previousDueDate, LocalDate dueDate, int calendarYear,
                                   Instant at) implements ComplaintEvent {
    }
}
