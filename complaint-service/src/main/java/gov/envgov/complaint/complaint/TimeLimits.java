package gov.envgov.complaint.complaint;

import java.time.LocalDate;
import java.util.Map;

import gov.envgov.support.calendar.WorkingDayCalendar;

/**
 * How a complaint's time limit is counted (DOMAIN.md § Complaints): the type's working days from the day the clock
 * starts (receipt — a letter's arrival — or the day a reopened complaint went back to its unit), moved by the
 * working days it stood still, and never past the hard ceiling in calendar days from that same start (plus the
 * extension ceiling once an extension was approved). Decides without I/O.
 */
public final class TimeLimits {

    private final Map<ComplaintType, Integer> workingDays;
    private final int ceilingDays;
    private final int extensionCeilingDays;
    private final WorkingDayCalendar calendar;

    public TimeLimits(Map<ComplaintType, Integer> workingDays, int ceilingDays, int extensionCeilingDays,
                      WorkingDayCalendar calendar) {
        this.workingDays = Map.copyOf(workingDays);
        this.ceilingDays = ceilingDays;
        this.extensionCeilingDays = extensionCeilingDays;
        this.calendar = calendar;
    }

    public static TimeLimits of(ComplaintProperties properties, WorkingDayCalendar calendar) {
        return new TimeLimits(properties.workingDays(), properties.ceilingDays(), properties.extensionCeilingDays(),
                calendar);
    }

    /** The due date of a clock started on {@code start} that stood still {@code pausedDays} working days. */
    public LocalDate dueDate(ComplaintType type, LocalDate start, int pausedDays) {
        LocalDate counted = calendar.plusWorkingDays(start, workingDays.get(type) + pausedDays);
        LocalDate ceiling = ceiling(start, false);
        return counted.isAfter(ceiling) ? ceiling : counted;
    }

    /** The latest due date of a clock started on {@code start}: the ceiling, plus the extension ceiling if extended. */
    public LocalDate ceiling(LocalDate start, boolean extended) {
        return start.plusDays(ceilingDays + (extended ? extensionCeilingDays : 0));
    }

    /** The day a complaint's clock counts from; {@code registeredOn} for one registered before it was kept. */
    public static LocalDate clockStart(Complaint complaint, LocalDate registeredOn) {
        LocalDate start = complaint.sla().clockStartedOn();
        return start == null ? registeredOn : start;
    }
}
