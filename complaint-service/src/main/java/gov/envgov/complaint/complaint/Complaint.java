package gov.envgov.complaint.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintAccepted;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintClosed;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintDispatched;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintDueDateChanged;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintEscalated;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintExtended;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintFollowedUp;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintHandled;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintLinked;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintPaused;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintRegistered;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintReopened;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintReplied;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintResumed;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintReturned;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintSubstantiated;
import gov.envgov.support.domain.DomainException;

/**
 * A complaint and its way through the line: {@code REGISTERED → DISPATCHED → ACCEPTED | RETURNED → HANDLING →
 * HANDLED → REPLIED → FOLLOWED_UP → CLOSED}; a complaint not solved for a substantive reason goes back to its unit
 * (重办). Immutable: every transition checks the state it starts from and returns the next state with its event.
 */
public record Complaint(UUID id, String trackingCode, String filedBy, Channel channel, ComplaintType type,
                        Category category, String description, String district, @Nullable String enterpriseCode,
                        @Nullable String address, @Nullable Location location, ComplaintStatus status,
                        Instant registeredAt, Sla sla, Handling handling, @Nullable UUID masterId, long version) {

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        handling = handling == null ? Handling.NONE : handling;
        sla = sla == null ? new Sla(null, null, null, EscalationLevel.NONE, null) : sla;
    }

    /**
     * The complaint's clock.
     *
     * @param dueDate         the day the answer is due (working days from registration, moved by pauses and an
     *                        approved extension)
     * @param pausedSince     set while the unit waits on the complainant; the clock does not run
     * @param extensionReason the reason of the approved extension, told to the complainant
     * @param escalation      how far the complaint has escalated for being overdue
     * @param answeredOn      the day the complainant was answered (on time when not after the due date)
     * @param clockStartedOn  the day the time limit counts from: receipt (a letter's arrival, else filing), or the
     *                        day a reopened complaint (重办) went back to its unit; null for complaints registered
     *                        before it was kept
     * @param pausedDays      the working days the clock stood still, which the due date was moved by
     */
    public record Sla(@Nullable LocalDate dueDate, @Nullable LocalDate pausedSince, @Nullable String extensionReason,
                      EscalationLevel escalation, @Nullable LocalDate answeredOn, @Nullable LocalDate clockStartedOn,
                      int pausedDays) {

        public Sla(@Nullable LocalDate dueDate, @Nullable LocalDate pausedSince, @Nullable String extensionReason,
                   EscalationLevel escalation, @Nullable LocalDate answeredOn) {
            this(dueDate, pausedSince, extensionReason, escalation, answeredOn, null, 0);
        }

        Sla answered(LocalDate day) {
            return new Sla(dueDate, pausedSince, extensionReason, escalation, day, clockStartedOn, pausedDays);
        }

        Sla withDueDate(LocalDate due) {
            return new Sla(due, pausedSince, extensionReason, escalation, answeredOn, clockStartedOn, pausedDays);
        }
    }

    public @Nullable LocalDate dueDate() {
        return sla.dueDate();
    }

    /**
     * What the handling unit did and what the complainant said.
     *
     * @param unit          the unit the complaint is dispatched to
     * @param returnReason  why the unit sent it back to dispatch (退单), while it is returned
     * @param substantiated whether the handling found the complaint substantiated
     * @param findings      what the handling found
     * @param reply         the answer given to the complainant
     * @param satisfaction  the complainant's satisfaction at the follow-up
     * @param solved        whether the complainant says the problem was solved, kept apart from satisfaction
     * @param reopenCount   how often the complaint went back for handling again (重办)
     */
    public record Handling(@Nullable String unit, @Nullable String returnReason, @Nullable Boolean substantiated,
                           @Nullable String findings, @Nullable String reply, @Nullable Satisfaction satisfaction,
                           @Nullable Boolean solved, int reopenCount) {

        static final Handling NONE = new Handling(null, null, null, null, null, null, null, 0);
    }

    public static Registration register(UUID id, String trackingCode, String filedBy, Channel channel,
                                        ComplaintFacts facts, Instant now, LocalDate dueDate) {
        return register(id, trackingCode, filedBy, channel, facts, now, dueDate, null);
    }

    /** A registration whose clock counts from {@code receivedOn}: the letter's arrival, else the day of filing. */
    public static Registration register(UUID id, String trackingCode, String filedBy, Channel channel,
                                        ComplaintFacts facts, Instant now, LocalDate dueDate,
                                        @Nullable LocalDate receivedOn) {
        Complaint complaint = new Complaint(id, trackingCode, filedBy, channel, facts.type(), facts.category(),
                facts.description().strip(), facts.district(), facts.enterpriseCode(), facts.address(),
                facts.location(), ComplaintStatus.REGISTERED, now,
                new Sla(dueDate, null, null, EscalationLevel.NONE, null, receivedOn, 0), Handling.NONE, null, 1);
        return new Registration(complaint, new ComplaintRegistered(id, trackingCode, channel, facts.category(),
                facts.district(), facts.enterpriseCode(), now));
    }

    public boolean filedBy(String subject) {
        return filedBy.equals(subject);
    }

    /** Past its due date while the answer is still owed and the clock is not paused. */
    public boolean isOverdue(LocalDate today) {
        LocalDate dueDate = sla.dueDate();
        return dueDate != null && today.isAfter(dueDate) && ComplaintStatus.CLOCK_RUNNING.contains(status)
                && sla.pausedSince() == null;
    }

    /**
     * For an emergency still waiting for dispatch: the moment it must be dispatched by, {@code emergencyDispatch}
     * after it was registered; null for anything else.
     */
    public @Nullable Instant dispatchBy(Duration emergencyDispatch) {
        return type == ComplaintType.EMERGENCY && ComplaintStatus.AWAITING_DISPATCH.contains(status)
                ? registeredAt.plus(emergencyDispatch) : null;
    }

    /** The unit waits on the complainant (more information, a site visit arranged with them): the clock stops. */
    public Transition<ComplaintPaused> pause(String unit, LocalDate today, Instant now) {
        require(EnumSet.of(ComplaintStatus.ACCEPTED, ComplaintStatus.HANDLING), "pause");
        requireUnit(unit);
        if (sla.pausedSince() != null) {
            throw new DomainException.Conflict("already-paused", "the clock of " + trackingCode + " is paused");
        }
        return new Transition<>(withSla(new Sla(sla.dueDate(), today, sla.extensionReason(), sla.escalation(), null,
                sla.clockStartedOn(), sla.pausedDays())), new ComplaintPaused(id, unit, now));
    }

    /** The clock runs again; the due date moves by the working days it stood still (computed by the caller). */
    public Transition<ComplaintResumed> resume(String unit, LocalDate newDueDate, Instant now) {
        return resume(unit, newDueDate, 0, now);
    }

    /**
     * The clock runs again after standing still {@code stoodDays} working days; the due date moved by them, never
     * past the ceiling (both computed by the caller).
     */
    public Transition<ComplaintResumed> resume(String unit, LocalDate newDueDate, int stoodDays, Instant now) {
        requireUnit(unit);
        if (sla.pausedSince() == null) {
            throw new DomainException.Conflict("not-paused", "the clock of " + trackingCode + " is running");
        }
        return new Transition<>(withSla(new Sla(newDueDate, null, sla.extensionReason(), sla.escalation(), null,
                sla.clockStartedOn(), sla.pausedDays() + stoodDays)), new ComplaintResumed(id, newDueDate, now));
    }

    /**
     * The due date counted again on a corrected holiday calendar (of {@code year}); empty when it is the same, or
     * when the answer is no longer owed.
     */
    public Optional<Transition<ComplaintDueDateChanged>> recountDueDate(LocalDate recounted, int year, Instant now) {
        LocalDate dueDate = sla.dueDate();
        if (!ComplaintStatus.CLOCK_RUNNING.contains(status) || dueDate == null || dueDate.equals(recounted)) {
            return Optional.empty();
        }
        return Optional.of(new Transition<>(withSla(sla.withDueDate(recounted)),
                new ComplaintDueDateChanged(id, dueDate, recounted, year, now)));
    }

    /**
     * An approved extension: only before the due date has passed, once, with a reason the complainant is told, and
     * never beyond the ceiling plus the extension ceiling.
     */
    public Transition<ComplaintExtended> extend(LocalDate newDueDate, String reason, LocalDate today,
                                                LocalDate latestAllowed, Instant now) {
        if (!ComplaintStatus.CLOCK_RUNNING.contains(status)) {
            throw new DomainException.Conflict("invalid-transition", "complaint " + trackingCode
                    + " is answered already; there is nothing to extend");
        }
        LocalDate dueDate = Objects.requireNonNull(sla.dueDate(), "a running clock has a due date");
        if (today.isAfter(dueDate)) {
            throw new DomainException.RuleViolation("extension-too-late", "dueDate",
                    "an extension must be approved before the due date " + sla.dueDate() + " passes");
        }
        if (sla.extensionReason() != null) {
            throw new DomainException.RuleViolation("already-extended", "dueDate",
                    "complaint " + trackingCode + " was extended once already");
        }
        if (!newDueDate.isAfter(dueDate) || newDueDate.isAfter(latestAllowed)) {
            throw new DomainException.RuleViolation("extension-out-of-range", "dueDate",
                    "the new due date must be after " + sla.dueDate() + " and no later than " + latestAllowed);
        }
        return new Transition<>(withSla(new Sla(newDueDate, sla.pausedSince(), reason, sla.escalation(), null,
                sla.clockStartedOn(), sla.pausedDays())), new ComplaintExtended(id, newDueDate, reason, now));
    }

    /** Raises the escalation to {@code level}; empty when it is there already, answered, or paused. */
    public Optional<Transition<ComplaintEscalated>> escalate(EscalationLevel level, Instant now) {
        if (level.compareTo(sla.escalation()) <= 0 || !ComplaintStatus.CLOCK_RUNNING.contains(status)
                || sla.pausedSince() != null) {
            return Optional.empty();
        }
        return Optional.of(new Transition<>(withSla(new Sla(sla.dueDate(), null, sla.extensionReason(), level, null,
                sla.clockStartedOn(), sla.pausedDays())),
                new ComplaintEscalated(id, handling.unit(), level, sla.dueDate(), now)));
    }

    /** 转办: to the unit the routing rules picked, or to the one an operator chose. */
    public Transition<ComplaintDispatched> dispatch(String unit, Instant now) {
        require(ComplaintStatus.AWAITING_DISPATCH, "dispatch");
        Complaint next = with(ComplaintStatus.DISPATCHED, new Handling(unit, null, null, null, null, null, null,
                handling.reopenCount()));
        return new Transition<>(next, new ComplaintDispatched(id, unit, now));
    }

    public Transition<ComplaintAccepted> accept(String unit, Instant now) {
        require(EnumSet.of(ComplaintStatus.DISPATCHED), "accept");
        requireUnit(unit);
        return new Transition<>(with(ComplaintStatus.ACCEPTED, handling), new ComplaintAccepted(id, unit, now));
    }

    /** 退单: the unit is not the right one; the complaint goes back to dispatch with the reason. */
    public Transition<ComplaintReturned> returnToDispatch(String unit, String reason, Instant now) {
        require(EnumSet.of(ComplaintStatus.DISPATCHED), "return");
        requireUnit(unit);
        Handling returned = new Handling(null, reason, null, null, null, null, null, handling.reopenCount());
        return new Transition<>(with(ComplaintStatus.RETURNED, returned), new ComplaintReturned(id, unit, reason, now));
    }

    public Complaint startHandling(String unit) {
        require(EnumSet.of(ComplaintStatus.ACCEPTED), "start handling");
        requireUnit(unit);
        return with(ComplaintStatus.HANDLING, handling);
    }

    /**
     * The unit's result. A substantiated complaint about an enterprise also reports {@link ComplaintSubstantiated},
     * the clue enforcement and credit act on.
     */
    public Transition<ComplaintHandled> recordHandling(String unit, boolean substantiated, String findings,
                                                       Instant now) {
        require(EnumSet.of(ComplaintStatus.HANDLING), "record handling");
        requireUnit(unit);
        Handling handled = new Handling(handling.unit(), null, substantiated, findings, null, null, null,
                handling.reopenCount());
        Optional<ComplaintSubstantiated> clue = substantiated && enterpriseCode != null
                ? Optional.of(new ComplaintSubstantiated(id, enterpriseCode, category, district, findings, now))
                : Optional.empty();
        return new Transition<>(with(ComplaintStatus.HANDLED, handled),
                new ComplaintHandled(id, handling.unit(), substantiated, now), clue);
    }

    public Transition<ComplaintReplied> reply(String unit, String text, Instant now, LocalDate today) {
        require(EnumSet.of(ComplaintStatus.HANDLED), "reply");
        requireUnit(unit);
        Handling replied = new Handling(handling.unit(), null, handling.substantiated(), handling.findings(), text,
                null, null, handling.reopenCount());
        return new Transition<>(with(ComplaintStatus.REPLIED, replied, sla.answered(today)),
                new ComplaintReplied(id, now));
    }

    /**
     * 回访. Satisfaction is recorded as said. Reopening needs the new time limit: see
     * {@link #followUpAndReopen}.
     */
    public Transition<ComplaintFollowedUp> followUp(Satisfaction satisfaction, boolean solved, boolean reopen,
                                                    Instant now) {
        require(EnumSet.of(ComplaintStatus.REPLIED), "follow up");
        requireReopenable(reopen, solved);
        if (reopen) {
            throw new IllegalArgumentException("a reopened complaint needs its new time limit");
        }
        Handling followed = new Handling(handling.unit(), null, handling.substantiated(), handling.findings(),
                handling.reply(), satisfaction, solved, handling.reopenCount());
        return new Transition<>(with(ComplaintStatus.FOLLOWED_UP, followed),
                new ComplaintFollowedUp(id, satisfaction, solved, false, now));
    }

    /**
     * 回访 with a problem not solved for a substantive reason: the complaint goes back to the same unit for handling
     * again (重办) with a new time limit counted from {@code today}, the day it reopens: a new due date (computed by
     * the caller), the clock running, no escalation and no extension carried over from the first round.
     */
    public Transition<ComplaintFollowedUp> followUpAndReopen(Satisfaction satisfaction, boolean solved,
                                                             LocalDate today, LocalDate newDueDate, Instant now) {
        require(EnumSet.of(ComplaintStatus.REPLIED), "follow up");
        requireReopenable(true, solved);
        Handling followed = new Handling(handling.unit(), null, handling.substantiated(), handling.findings(),
                handling.reply(), satisfaction, solved, handling.reopenCount() + 1);
        Sla fresh = new Sla(newDueDate, null, null, EscalationLevel.NONE, null, today, 0);
        return new Transition<>(with(ComplaintStatus.HANDLING, followed, fresh),
                new ComplaintFollowedUp(id, satisfaction, solved, true, now), Optional.empty(),
                List.of(new ComplaintReopened(id, handling.unit(), followed.reopenCount(), newDueDate, now)));
    }

    private static void requireReopenable(boolean reopen, boolean solved) {
        if (reopen && solved) {
            throw new DomainException.RuleViolation("reopen-solved", "reopen",
                    "a complaint whose problem was solved is not handled again");
        }
    }

    /**
     * The same facts as {@code master}, which is already being handled: this complaint is not handled again but
     * linked, and answered when the master is.
     */
    public Transition<ComplaintLinked> linkTo(Complaint master, Instant now) {
        require(EnumSet.of(ComplaintStatus.REGISTERED), "link");
        if (master.id().equals(id) || ComplaintStatus.SETTLED.contains(master.status())) {
            throw new DomainException.RuleViolation("invalid-master", "masterId", "complaint "
                    + master.trackingCode() + " cannot be a master: it is " + master.status());
        }
        Complaint linked = new Complaint(id, trackingCode, filedBy, channel, type, category, description, district,
                enterpriseCode, address, location, ComplaintStatus.LINKED, registeredAt, sla, handling, master.id(),
                version + 1);
        return new Transition<>(linked, new ComplaintLinked(id, master.id(), now));
    }

    /** The master was answered: every linked complainant gets the same answer and is followed up in turn. */
    public Transition<ComplaintReplied> receiveMasterReply(Complaint master, Instant now, LocalDate today) {
        require(EnumSet.of(ComplaintStatus.LINKED), "receive the master's reply");
        Handling answered = new Handling(master.handling().unit(), null, master.handling().substantiated(),
                master.handling().findings(), master.handling().reply(), null, null, 0);
        return new Transition<>(with(ComplaintStatus.REPLIED, answered, sla.answered(today)),
                new ComplaintReplied(id, now));
    }

    public Transition<ComplaintClosed> close(Instant now) {
        require(EnumSet.of(ComplaintStatus.FOLLOWED_UP), "close");
        return new Transition<>(with(ComplaintStatus.CLOSED, handling), new ComplaintClosed(id, now));
    }

    private Complaint with(ComplaintStatus nextStatus, Handling nextHandling) {
        return with(nextStatus, nextHandling, sla);
    }

    private Complaint withSla(Sla nextSla) {
        return with(status, handling, nextSla);
    }

    private Complaint with(ComplaintStatus nextStatus, Handling nextHandling, Sla nextSla) {
        return new Complaint(id, trackingCode, filedBy, channel, type, category, description, district,
                enterpriseCode, address, location, nextStatus, registeredAt, nextSla, nextHandling, masterId,
                version + 1);
    }

    private void require(Set<ComplaintStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new DomainException.Conflict("invalid-transition",
                    "cannot " + action + " complaint " + trackingCode + " while it is " + status);
        }
    }

    private void requireUnit(String unit) {
        if (handling.unit() == null || !handling.unit().equals(unit)) {
            throw new DomainException.Forbidden("complaint " + trackingCode + " is not dispatched to " + unit);
        }
    }

    public record Registration(Complaint complaint, ComplaintRegistered event) {
    }

    /**
     * The next state, the event that reports it, for handling the enforcement clue it may raise, and further events
     * the step causes (a reopening's new time limit).
     */
    public record Transition<E extends ComplaintEvent>(Complaint complaint, E event,
                                                       Optional<ComplaintSubstantiated> clue,
                                                       List<ComplaintEvent> further) {

        public Transition {
            further = List.copyOf(further);
        }

        Transition(Complaint complaint, E event) {
            this(complaint, event, Optional.empty(), List.of());
        }

        Transition(Complaint complaint, E event, Optional<ComplaintSubstantiated> clue) {
            this(complaint, event, clue, List.of());
        }

        /** Everything the transition publishes, in order: its event, the clue if there is one, then the rest. */
        public List<ComplaintEvent> events() {
            List<ComplaintEvent> events = new ArrayList<>(2 + further.size());
            events.add(event);
            clue.ifPresent(events::add);
            events.addAll(further);
            return List.copyOf(events);
        }
    }
}
