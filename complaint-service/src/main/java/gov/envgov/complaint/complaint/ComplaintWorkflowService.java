package gov.envgov.complaint.complaint;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import gov.envgov.complaint.complaint.Complaint.FollowUpBy;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * The handling workflow after dispatch: the unit accepts or returns, handles and replies; operators follow up and
 * close. One method per use case, each one transaction with its events and audit record.
 */
@Service
public class ComplaintWorkflowService {

    private final ComplaintStore store;
    private final ComplaintRepository complaints;
    private final BureauTime time;
    private final TimeLimits limits;
    private final Districts districts;

    ComplaintWorkflowService(ComplaintStore store, ComplaintRepository complaints, BureauTime time,
                             ComplaintProperties properties, WorkingDayCalendar calendar, Districts districts) {
        this.store = store;
        this.complaints = complaints;
        this.time = time;
        this.limits = TimeLimits.of(properties, calendar);
        this.districts = districts;
    }

    public Mono<ComplaintResponse> accept(UUID id, CurrentUser handler) {
        return store.transition(id, handler, "accept", complaint -> Step.of(
                complaint.accept(ComplaintAccess.requireUnit(handler), time.now()), Map.of()));
    }

    public Mono<ComplaintResponse> returnToDispatch(UUID id, String reason, CurrentUser handler) {
        return store.transition(id, handler, "return", complaint -> Step.of(
                complaint.returnToDispatch(ComplaintAccess.requireUnit(handler), reason, time.now()),
                Map.of("unit", ComplaintAccess.requireUnit(handler), "reason", reason)));
    }

    public Mono<ComplaintResponse> startHandling(UUID id, CurrentUser handler) {
        return store.transition(id, handler, "start-handling", complaint -> Step.unpublished(
                complaint.startHandling(ComplaintAccess.requireUnit(handler)), Map.of()));
    }

    public Mono<ComplaintResponse> recordHandling(UUID id, boolean substantiated, String findings,
                                                  CurrentUser handler) {
        return store.transition(id, handler, "record-handling", complaint -> Step.of(
                complaint.recordHandling(ComplaintAccess.requireUnit(handler), substantiated, findings, time.now()),
                Map.of("substantiated", substantiated)));
    }

    /** Answers the complainant, and every complainant whose complaint is linked to this one. */
    public Mono<ComplaintResponse> reply(UUID id, String text, CurrentUser handler) {
        return store.transition(id, handler, "reply", complaint -> Step.of(
                        complaint.reply(ComplaintAccess.requireUnit(handler), text, time.now(), time.today()),
                        Map.of()),
                master -> complaints.linkedTo(master.id())
                        .concatMap(linked -> store.record(Step.of(
                                        linked.receiveMasterReply(master, time.now(), time.today()),
                                        Map.of("master", master.id().toString())),
                                handler.username(), "reply-as-linked"))
                        .then());
    }

    /** 回访; a reopened complaint (重办) gets a new time limit counted from today, the day it reopens. */
    public Mono<ComplaintResponse> followUp(UUID id, Satisfaction satisfaction, boolean solved, boolean reopen,
                                            CurrentUser operator) {
        return store.transition(id, operator, "follow-up", complaint -> {
            if (!reopen) {
                return Step.of(complaint.followUp(satisfaction, solved, false, time.now()),
                        Map.of("satisfaction", satisfaction.name(), "solved", solved, "reopen", false));
            }
            LocalDate today = time.today();
            LocalDate due = limits.dueDate(complaint.type(), today, 0);
            if (complaint.status() == ComplaintStatus.FOLLOWED_UP
                    && complaint.handling().followUpBy() == Complaint.FollowUpBy.COMPLAINANT) {
                // CMP-REOPEN-ON-COMPLAINANTS-ANSWER: the complainant's own answer stands; the operator reopens.
                return Step.of(complaint.reopenOnComplainantsAnswer(today, due, time.now()),
                        Map.of("reopen", true, "onComplainantsAnswer", true, "dueDate", due.toString()));
            }
            return Step.of(complaint.followUpAndReopen(satisfaction, solved, today, due, time.now()),
                    Map.of("satisfaction", satisfaction.name(), "solved", solved, "reopen", true,
                            "dueDate", due.toString()));
        });
    }

    /**
     * The complainant answers the follow-up themselves, online, instead of on the phone: satisfaction and "solved"
     * kept apart as on the call. Only the filer may (not an operator who entered a caller's complaint); once given,
     * by either side, it is not given again; reopening stays the operator's decision.
     */
    public Mono<ComplaintResponse> answerFollowUp(UUID id, Satisfaction satisfaction, boolean solved,
                                                  CurrentUser complainant) {
        return store.transition(id, complainant, "follow-up-by-complainant", complaint -> {
            if (!ComplaintAccess.isComplainant(complaint, complainant)) {
                throw new DomainException.Forbidden("only the complainant answers the follow-up of complaint "
                        + complaint.trackingCode());
            }
            return byComplainant(complaint, satisfaction, solved);
        });
    }

    /**
     * The anonymous filer's own follow-up, for whoever holds the complaint's tracking code and secret (checked by
     * the caller, which passes the id they name).
     */
    public Mono<ComplaintResponse> answerFollowUpWithSecret(UUID id, Satisfaction satisfaction, boolean solved) {
        return store.transitionAs(id, "anonymous-complainant", "follow-up-by-complainant",
                complaint -> byComplainant(complaint, satisfaction, solved));
    }

    private Step byComplainant(Complaint complaint, Satisfaction satisfaction, boolean solved) {
        return Step.of(complaint.followUp(FollowUpBy.COMPLAINANT, satisfaction, solved, time.now()),
                Map.of("satisfaction", satisfaction.name(), "solved", solved, "by", "complainant"));
    }

    /** An operator corrects the district, which must be one of the city's; the reason goes to the audit trail. */
    public Mono<ComplaintResponse> correctDistrict(UUID id, String district, String reason, CurrentUser operator) {
        String corrected = district.strip();
        if (!districts.isKnown(corrected)) {
            return Mono.error(new DomainException.RuleViolation("unknown-district", "district", "'" + corrected
                    + "' is not a district of the city; accepted: " + districts.districts().stream()
                    .map(Districts.District::name).collect(Collectors.joining(", "))));
        }
        return store.transition(id, operator, "correct-district", complaint -> Step.of(
                complaint.correctDistrict(corrected, time.now()),
                Map.of("from", complaint.district(), "to", corrected, "reason", reason.strip())));
    }

    public Mono<ComplaintResponse> close(UUID id, CurrentUser operator) {
        return store.transition(id, operator, "close", complaint -> Step.of(complaint.close(time.now()), Map.of()));
    }
}
