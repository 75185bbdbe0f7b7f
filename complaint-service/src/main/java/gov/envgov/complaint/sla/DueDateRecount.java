package gov.envgov.complaint.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintRepository;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.complaint.complaint.TimeLimits;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.CalendarChange;
import gov.envgov.support.calendar.CalendarRevisions;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Due dates are stored when they are computed; when a year's holiday schedule is corrected or published late, the
 * open complaints whose time limit was counted across that year's days are counted again on the calendar loaded
 * now, one {@code ComplaintDueDateChanged} per complaint whose date moved. Each changed year is recounted and
 * recorded as applied in one transaction, by one replica at a time.
 */
@Service
public class DueDateRecount {

    /** This service's name in {@code calendar_revision}. */
    static final String CONSUMER = "complaint-service";
    static final String SYSTEM = "system:calendar";

    private final CalendarRevisions revisions;
    private final ComplaintRepository complaints;
    private final ComplaintStore store;
    private final TimeLimits limits;
    private final TransactionalOperator transactions;
    private final DatabaseClient db;
    private final BureauTime time;

    DueDateRecount(CalendarRevisions revisions, ComplaintRepository complaints, ComplaintStore store,
                   ComplaintProperties properties, WorkingDayCalendar calendar, TransactionalOperator transactions,
                   DatabaseClient db, BureauTime time) {
        this.revisions = revisions;
        this.complaints = complaints;
        this.store = store;
        this.limits = TimeLimits.of(properties, calendar);
        this.transactions = transactions;
        this.db = db;
        this.time = time;
    }

    /** Recounts what every changed year touches; returns how many due dates moved. */
    public Mono<Long> recountChangedYears() {
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.COMPLAINT_CALENDAR,
                        () -> revisions.pending(CONSUMER).concatMap(this::recount)))
                .reduce(0L, Long::sum);
    }

    /**
     * A complaint changed by someone else meanwhile is skipped, not fatal: the others keep their recount, and the
     * year is marked applied only once every complaint it touches has been recounted (the next tick tries the
     * skipped ones again; a complaint already on the new count is left as it is).
     */
    private Mono<Long> recount(CalendarChange change) {
        return complaints.countedAcross(change.from(), change.to()).collectList()
                .flatMap(open -> recountAll(open, change.year()))
                .flatMap(result -> (result[1] == 0 ? revisions.applied(CONSUMER, change) : Mono.<Void>empty())
                        .thenReturn(result[0]));
    }

    /** How many due dates moved, and how many complaints were skipped because they changed meanwhile. */
    private Mono<long[]> recountAll(List<Complaint> open, int year) {
        return Flux.fromIterable(open).concatMap(complaint -> {
            LocalDate start = TimeLimits.clockStart(complaint, time.dateOf(complaint.registeredAt()));
            LocalDate recounted = limits.dueDate(complaint.type(), start, complaint.sla().pausedDays());
            return Mono.justOrEmpty(complaint.recountDueDate(recounted, year, time.now()))
                    .flatMap(transition -> store.recordIfUnchanged(Step.of(transition, Map.of("dueDate",
                            recounted.toString(), "calendarYear", year)), SYSTEM, "recount-due-date"))
                    .map(stored -> stored ? new long[] {1, 0} : new long[] {0, 1})
                    .defaultIfEmpty(new long[] {0, 0});
        }).reduce(new long[] {0, 0}, (sum, one) -> new long[] {sum[0] + one[0], sum[1] + one[1]});
    }
}
