package gov.envgov.complaint.sla;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.envgov.complaint.complaint.ComplaintAccess;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.complaint.complaint.TimeLimits;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/** The clock of one complaint: the unit pauses and resumes it, an operator approves an extension. */
@Service
public class SlaService {

    private final ComplaintStore store;
    private final SlaRules rules;
    private final BureauTime time;

    SlaService(ComplaintStore store, ComplaintProperties properties, WorkingDayCalendar calendar, BureauTime time) {
        this.store = store;
        this.rules = SlaRules.of(properties, calendar);
        this.time = time;
    }

    public Mono<ComplaintResponse> pause(UUID id, CurrentUser handler) {
        return store.transition(id, handler, "pause", complaint -> Step.of(
                complaint.pause(ComplaintAccess.requireUnit(handler), time.today(), time.now()), Map.of()));
    }

    /** The due date moves by the working days the clock stood still, never past the ceiling from receipt. */
    public Mono<ComplaintResponse> resume(UUID id, CurrentUser handler) {
        return store.transition(id, handler, "resume", complaint -> {
            LocalDate start = TimeLimits.clockStart(complaint, time.dateOf(complaint.registeredAt()));
            LocalDate due = rules.resumedDueDate(complaint, time.today(), start);
            int stood = rules.stoodStill(complaint, time.today());
            return Step.of(complaint.resume(ComplaintAccess.requireUnit(handler), due, stood, time.now()),
                    Map.of("dueDate", due.toString(), "stoodStill", stood));
        });
    }

    public Mono<ComplaintResponse> extend(UUID id, LocalDate dueDate, String reason, CurrentUser approver) {
        return store.transition(id, approver, "extend", complaint -> {
            LocalDate latest = rules.latestExtension(
                    TimeLimits.clockStart(complaint, time.dateOf(complaint.registeredAt())));
            return Step.of(complaint.extend(dueDate, reason, time.today(), latest, time.now()),
                    Map.of("dueDate", dueDate.toString(), "reason", reason));
        });
    }
}
