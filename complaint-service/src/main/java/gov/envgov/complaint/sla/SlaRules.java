package gov.envgov.complaint.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.EscalationLevel;
import gov.envgov.support.calendar.WorkingDayCalendar;

/**
 * The numbers of the complaint clock (DOMAIN.md § Complaints), counted on the bureau's working-day calendar: how far
 * overdue work has escalated, how a pause moves the due date, how far an extension may go, and how soon an
 * emergency must be dispatched. Decides without I/O.
 */
public final class SlaRules {

    private final ComplaintProperties.Escalation escalation;
    private final int ceilingDays;
    private final int extensionCeilingDays;
    private final Duration emergencyDispatch;
    private final WorkingDayCalendar calendar;

    public SlaRules(ComplaintProperties.Escalation escalation, int ceilingDays, int extensionCeilingDays,
                    Duration emergencyDispatch, WorkingDayCalendar calendar) {
        this.escalation = escalation;
        this.ceilingDays = ceilingDays;
        this.extensionCeilingDays = extensionCeilingDays;
        this.emergencyDispatch = emergencyDispatch;
        this.calendar = calendar;
    }

    public static SlaRules of(ComplaintProperties properties, WorkingDayCalendar calendar) {
        return new SlaRules(properties.escalation(), properties.ceilingDays(), properties.extensionCeilingDays(),
                properties.emergencyDispatch(), calendar);
    }

    /** The level a complaint this many working days overdue has reached: 催办, then 督办, then 通报. */
    public EscalationLevel levelFor(int workingDaysOverdue) {
        if (workingDaysOverdue >= escalation.noticeAfter()) {
            return EscalationLevel.PUBLIC_NOTICE;
        }
        if (workingDaysOverdue >= escalation.supervisionAfter()) {
            return EscalationLevel.SUPERVISION;
        }
        if (workingDaysOverdue >= escalation.reminderAfter()) {
            return EscalationLevel.REMINDER;
        }
        return EscalationLevel.NONE;
    }

    /** The level an overdue complaint has reached today, by the working days since its due date. */
    public EscalationLevel levelOf(Complaint overdue, LocalDate today) {
        return levelFor(calendar.workingDaysBetween(dueDateOf(overdue), today));
    }

    /** An emergency still waiting for dispatch this late goes straight to supervision (督办). */
    public EscalationLevel undispatchedEmergencyLevel() {
        return EscalationLevel.SUPERVISION;
    }

    /** Emergencies registered before this moment and still waiting for dispatch are late. */
    public Instant emergencyDispatchDeadline(Instant now) {
        return now.minus(emergencyDispatch);
    }

    /** The working days a paused clock stood still, from the pause until today. */
    public int stoodStill(Complaint paused, LocalDate today) {
        LocalDate since = paused.sla().pausedSince();
        return since == null ? 0 : Math.max(0, calendar.workingDaysBetween(since, today));
    }

    /**
     * The clock stood still while paused: the due date moves by the working days from the pause until today, but
     * the ceiling binds pauses too: never past 60 days (+30 once extended) from receipt ({@code clockStart}).
     */
    public LocalDate resumedDueDate(Complaint paused, LocalDate today, LocalDate clockStart) {
        LocalDate moved = calendar.plusWorkingDays(dueDateOf(paused), stoodStill(paused, today));
        LocalDate ceiling = clockStart.plusDays(ceilingDays
                + (paused.sla().extensionReason() == null ? 0 : extensionCeilingDays));
        return moved.isAfter(ceiling) ? ceiling : moved;
    }

    /**
     * The latest due date an extension may set: the ceiling plus the extension ceiling, counted from receipt (a
     * letter's day of arrival, not its registration; a reopened complaint's from the day it reopened).
     */
    public LocalDate latestExtension(LocalDate receivedOn) {
        return receivedOn.plusDays(ceilingDays + extensionCeilingDays);
    }

    private static LocalDate dueDateOf(Complaint complaint) {
        return Objects.requireNonNull(complaint.dueDate(), "a complaint on the clock has a due date");
    }
}
