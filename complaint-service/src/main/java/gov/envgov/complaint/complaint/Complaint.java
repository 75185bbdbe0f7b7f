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
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintDistrictCorrected;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintDueDateChanged;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintEscalated;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintExtended;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintExtensionRefused;
import gov.envgov.complaint.complaint.ComplaintEvent.ComplaintExtensionRequested;
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
     * @param returnReason  why a unit last sent it back to dispatch (退单); kept after it is dispatched again, so the
     *                      reason stays with the complaint
     * @param substantiated whether the handling found the complaint substantiated
     * @param findings      what the handling found
     * @param reply         the answer given to the complainant
     * @param satisfaction  the complainant's satisfaction at the follow-up
     * @param solved        whether the complainant says the problem was solved, kept apart from satisfaction
     * @param reopenCount   how often the complaint went back for handling again (重办)
     * @param returnedBy    the unit that last sent it back to dispatch, with {@code returnReason}
     * @param followUpBy    who gave the follow-up of this round: the complainant online, or an operator's call
     */
    public record Handling(@Nullable String unit, @Nullable String returnReason, @Nullable Boolean substantiated,
                           @Nullable String findings, @Nullable String reply, @Nullable Satisfaction satisfaction,
                           @Nullable Boolean solved, int reopenCount, @Nullable String returnedBy,
                           @Nullable FollowUpBy followUpBy) {

        static final Handling NONE = new Handling(null, null, null, null, null, null, null, 0, null, null);

        public Handling(@Nullable String unit, @Nullable String returnReason, @Nullable Boolean substantiated,
                        @Nullable String findings, @Nullable String reply, @Nullable Satisfaction satisfaction,
                        @Nullable Boolean solved, int reopenCount) {
            this(unit, returnReason, substantiated, findings, reply, satisfaction, solved, reopenCount, null, null);
        }

        /** The same handling with a new unit and result, keeping the last return. */
        Handling next(@Nullable String nextUnit, @Nullable Boolean nextSubstantiated, @Nullable String nextFindings,
                      @Nullable String nextReply, @Nullable Satisfaction nextSatisfaction,
                      @Nullable Boolean nextSolved, int nextReopenCount, @Nullable FollowUpBy by) {
            return new Handling(nextUnit, returnReason, nextSubstantiated, nextFindings, nextReply, nextSatisfaction,
                    nextSolved, nextReopenCount, returnedBy, by);
        }
    }

    /** Who gave a follow-up: the complainant themself (online, or with the anonymous secret) or an operator's call. */
    public enum FollowUpBy { COMPLAINANT, OPERATOR }

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

    /**
     * The unit asks for more time ({@code workingDays}, with a reason): only the unit it is dispatched to, while the
     * answer is owed, before the due date has passed, and not once extended already. Nothing moves until an
     * operator approves ({@link #extend}); the step is kept on the complaint so that a concurrent change is seen.
     */
    public Transition<ComplaintExtensionRequested> requestExtension(String unit, UUID requestId, int workingDays,
                                                                    LocalDate today, Instant now) {
        require(ComplaintStatus.CLOCK_RUNNING, "request an extension of");
        requireUnit(unit);
        LocalDate dueDate = Objects.requireNonNull(sla.dueDate(), "a running clock has a due date");
        if (today.isAfter(dueDate)) {
            throw new DomainException.RuleViolation("extension-too-late", "workingDays",
                    "an extension must be asked for and approved before the due date " + dueDate + " passes");
        }
        if (sla.extensionReason() != null) {
            throw new DomainException.Conflict("already-extended", "complaint " + trackingCode
                    + " was extended once already, to " + dueDate + " (" + sla.extensionReason() + ")");
        }
        return new Transition<>(with(status, handling),
                new ComplaintExtensionRequested(id, requestId, unit, workingDays, now));
    }

    /** An operator refuses the unit's request; the due date stays. */
    public Transition<ComplaintExtensionRefused> refuseExtension(UUID requestId, Instant now) {
        return new Transition<>(with(status, handling), new ComplaintExtensionRefused(id, requestId, now));
    }

    /**
     * An operator corrects the district the complaint was registered in (the reason goes to the audit trail). The
     * unit it is dispatched to keeps it; routing uses the new district from the next dispatch on.
     */
    public Transition<ComplaintDistrictCorrected> correctDistrict(String corrected, Instant now) {
        if (ComplaintStatus.SETTLED.contains(status)) {
            throw new DomainException.Conflict("invalid-transition", "complaint " + trackingCode + " is " + status
                    + "; its district is no longer corrected");
        }
        if (district.equals(corrected)) {
            throw new DomainException.RuleViolation("same-district", "district",
                    "complaint " + trackingCode + " is in " + corrected + " already");
        }
        Complaint next = new Complaint(id, trackingCode, filedBy, channel, type, category, description, corrected,
                enterpriseCode, address, location, status, registeredAt, sla, handling, masterId, version + 1);
        return new Transition<>(next, new ComplaintDistrictCorrected(id, district, corrected, now));
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
        return dispatch(unit, false, now);
    }

    /**
     * 转办. A returned complaint never goes back to the unit that just returned it unless the operator says so
     * ({@code override}); the last return and its reason stay with the complaint.
     */
    public Transition<ComplaintDispatched> dispatch(String unit, boolean override, Instant now) {
        require(ComplaintStatus.AWAITING_DISPATCH, "dispatch");
        if (status == ComplaintStatus.RETURNED && unit.equals(handling.returnedBy()) && !override) {
            throw new DomainException.Conflict("returned-by-unit", "complaint " + trackingCode
                    + " was just returned by " + unit + " (reason: " + handling.returnReason()
                    + "); dispatch it to another unit, or set override to send it back to " + unit);
        }
        Complaint next = with(ComplaintStatus.DISPATCHED,
                handling.next(unit, null, null, null, null, null, handling.reopenCount(), null));
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
        Handling returned = new Handling(null, reason, null, null, null, null, null, handling.reopenCount(), unit,
                null);
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
        Handling handled = handling.next(handling.unit(), substantiated, findings, null, null, null,
                handling.reopenCount(), null);
        Optional<ComplaintSubstantiated> clue = substantiated && enterpriseCode != null
                ? Optional.of(new ComplaintSubstantiated(id, enterpriseCode, category, district, findings, now))
                : Optional.empty();
        return new Transition<>(with(ComplaintStatus.HANDLED, handled),
                new ComplaintHandled(id, handling.unit(), substantiated, now), clue);
    }

    public Transition<ComplaintReplied> reply(String unit, String text, Instant now, LocalDate today) {
        require(EnumSet.of(ComplaintStatus.HANDLED), "reply");
        requireUnit(unit);
        Handling replied = handling.next(handling.unit(), handling.substantiated(), handling.findings(), text,
                null, null, handling.reopenCount(), null);
        return new Transition<>(with(ComplaintStatus.REPLIED, replied, sla.answered(today)),
                new ComplaintReplied(id, now));
    }

    /**
     * 回访. Satisfaction is recorded as said. Reopening needs the new time limit: see
     * {@link #followUpAndReopen}.
     */
    public Transition<ComplaintFollowedUp> followUp(Satisfaction satisfaction, boolean solved, boolean reopen,
                                                    Instant now) {
        if (reopen) {
            requireReopenable(true, solved);
            throw new IllegalArgumentException("a reopened complaint needs its new time limit");
        }
        return followUp(FollowUpBy.OPERATOR, satisfaction, solved, now);
    }

    /**
     * 回访 given by {@code by}: the complainant online (or with the anonymous secret), or an operator's call. It is
     * given once per answer: a second one, from either side, is refused naming the first.
     */
    public Transition<ComplaintFollowedUp> followUp(FollowUpBy by, Satisfaction satisfaction, boolean solved,
                                                    Instant now) {
        requireNoFollowUpYet();
        require(EnumSet.of(ComplaintStatus.REPLIED), "follow up");
        Handling followed = handling.next(handling.unit(), handling.substantiated(), handling.findings(),
                handling.reply(), satisfaction, solved, handling.reopenCount(), by);
        return new Transition<>(with(ComplaintStatus.FOLLOWED_UP, followed),
                new ComplaintFollowedUp(id, satisfaction, solved, false, now));
    }

    private void requireNoFollowUpYet() {
        if (EnumSet.of(ComplaintStatus.FOLLOWED_UP, ComplaintStatus.CLOSED).contains(status)
                && handling.satisfaction() != null) {
            String who = handling.followUpBy() == FollowUpBy.COMPLAINANT ? "the complainant"
                    : "the hotline's follow-up call";
            throw new DomainException.Conflict("follow-up-given", "the follow-up of complaint " + trackingCode
                    + " was given already by " + who + " (" + handling.satisfaction() + ", solved: "
                    + handling.solved() + "); it is not given twice");
        }
    }

    /**
     * 回访 with a problem not solved for a substantive reason: the complaint goes back to the same unit for handling
     * again (重办) with a new time limit counted from {@code today}, the day it reopens: a new due date (computed by
     * the caller), the clock running, no escalation and no extension carried over from the first round.
     */
    public Transition<ComplaintFollowedUp> followUpAndReopen(Satisfaction satisfaction, boolean solved,
                                                             LocalDate today, LocalDate newDueDate, Instant now) {
        requireNoFollowUpYet();
        require(EnumSet.of(ComplaintStatus.REPLIED), "follow up");
        requireReopenable(true, solved);
        Handling followed = handling.next(handling.unit(), handling.substantiated(), handling.findings(),
                handling.reply(), satisfaction, solved, handling.reopenCount() + 1, FollowUpBy.OPERATOR);
        Sla fresh = new Sla(newDueDate, null, null, EscalationLevel.NONE, null, today, 0);
        return new Transition<>(with(ComplaintStatus.HANDLING, followed, fresh),
                new ComplaintFollowedUp(id, satisfaction, solved, true, now), Optional.empty(),
                List.of(new ComplaintReopened(id, handling.unit(), followed.reopenCount(), newDueDate, now)));
    }

    /**
     * 重办 on the complainant's own answer: the complainant said online that the problem was not solved, and the
     * operator decides that it is handled again. The complainant's answer stays the follow-up of the round (it is
     * not given a second time); the complaint goes back to the same unit with a new time limit from {@code today}.
     */
    public Transition<ComplaintReopened> reopenOnComplainantsAnswer(LocalDate today, LocalDate newDueDate,
                                                                    Instant now) {
        if (status != ComplaintStatus.FOLLOWED_UP || handling.followUpBy() != FollowUpBy.COMPLAINANT
                || !Boolean.FALSE.equals(handling.solved())) {
            throw new DomainException.Conflict("no-unsolved-answer", "complaint " + trackingCode
                    + " has no follow-up from its complainant saying the problem was not solved; the follow-up call"
                    + " (with reopen) comes first");
        }
        Handling followed = handling.next(handling.unit(), handling.substantiated(), handling.findings(),
                handling.reply(), handling.satisfaction(), false, handling.reopenCount() + 1, FollowUpBy.COMPLAINANT);
        Sla fresh = new Sla(newDueDate, null, null, EscalationLevel.NONE, null, today, 0);
        return new Transition<>(with(ComplaintStatus.HANDLING, followed, fresh),
                new ComplaintReopened(id, handling.unit(), followed.reopenCount(), newDueDate, now));
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
        Handling answered = handling.next(master.handling().unit(), master.handling().substantiated(),
                master.handling().findings(), master.handling().reply(), null, null, 0, null);
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

    /**
     * Refuses a step the complaint is not in a state for; a step asked for before the one the line needs next
     * (accept → start → handling → reply) names that step, the one that comes first.
     */
    private void require(Set<ComplaintStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            String detail = "cannot " + action + " complaint " + trackingCode + " while it is " + status;
            Optional<String> first = stepFirst(status, allowed);
            throw new DomainException.Conflict("invalid-transition",
                    first.map(step -> detail + "; the step '" + step + "' comes first").orElse(detail),
                    new DomainException.Blocker("complaint", trackingCode, status), first.orElse(null));
        }
    }

    /** The line in order, each place with the step that leaves it. */
    private static final List<ComplaintStatus> LINE = List.of(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED,
            ComplaintStatus.ACCEPTED, ComplaintStatus.HANDLING, ComplaintStatus.HANDLED, ComplaintStatus.REPLIED,
            ComplaintStatus.FOLLOWED_UP, ComplaintStatus.CLOSED);
    private static final List<String> NEXT_STEP = List.of("dispatch", "accept", "start", "handling", "reply",
            "follow-up", "close");

    /**
     * The step due next when {@code current} is earlier in the line than every state the asked step starts from;
     * empty when the complaint is past it, or off the line (linked).
     */
    static Optional<String> stepFirst(ComplaintStatus current, Set<ComplaintStatus> allowed) {
        int at = LINE.indexOf(current == ComplaintStatus.RETURNED ? ComplaintStatus.REGISTERED : current);
        int needed = allowed.stream().mapToInt(LINE::indexOf).filter(i -> i >= 0).min().orElse(-1);
        if (at < 0 || needed < 0 || at >= needed || at >= NEXT_STEP.size()) {
            return Optional.empty();
        }
        return Optional.of(NEXT_STEP.get(at));
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
