package gov.envgov.complaint.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.enterprise.EnterpriseDirectory;
import gov.envgov.complaint.enterprise.KnownEnterprise;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.events.PublishedEvent;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.schedule.AdvisoryLock;
import gov.envgov.support.schedule.ReplicaTurns;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

@Service
public class ComplaintService {


    /** Who files when nobody signs in: such complaints belong to no account and are followed by code and secret. */
    static final String ANONYMOUS = "anonymous";
    /** The actor of what the platform does by itself, in the audit trail. */
    static final String SYSTEM = "system:sla";

    private final ComplaintRepository complaints;
    private final ComplainantRepository complainants;
    private final RegistrationWriter registrations;
    private final EnterpriseDirectory enterprises;
    private final TrackingCodes trackingCodes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Districts districts;
    private final ComplaintProperties rules;
    private final WorkingDayCalendar calendar;
    private final TransactionalOperator transactions;
    private final DatabaseClient db;
    private final Clock clock;
    /** Dates of the complaint line (tracking codes, due dates) are the bureau's local dates. */
    private final ZoneId zone;

    ComplaintService(ComplaintRepository complaints, ComplainantRepository complainants,
                     RegistrationWriter registrations, EnterpriseDirectory enterprises, TrackingCodes trackingCodes,
                     Outbox outbox, AuditTrail audit, Districts districts, ComplaintProperties rules,
                     WorkingDayCalendar calendar, TransactionalOperator transactions, DatabaseClient db,
                     Clock clock, ZoneId zone) {
        this.complaints = complaints;
        this.complainants = complainants;
        this.registrations = registrations;
        this.enterprises = enterprises;
        this.trackingCodes = trackingCodes;
        this.outbox = outbox;
        this.audit = audit;
        this.districts = districts;
        this.rules = rules;
        this.calendar = calendar;
        this.transactions = transactions;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    public Mono<ComplaintResponse> file(FileComplaintRequest request, CurrentUser filer) {
        Channel channel;
        try {
            channel = channelOf(request.channel(), filer);
        } catch (DomainException refused) {
            return Mono.error(refused);
        }
        return register(request, filer.subject(), filer.username(), channel, null)
                .map(registered -> ComplaintResponse.from(registered.complaint(), registered.enterprise(), today(),
                        request.complainant(), dispatchBy(registered.complaint())));
    }

    /**
     * One registration for every channel: operators enter phone calls (the default) and letters; citizens file on
     * the web (the default) or from the app.
     */
    private static Channel channelOf(Channel requested, CurrentUser filer) {
        boolean operator = filer.hasRole(Roles.HOTLINE_OPERATOR);
        Channel channel = requested != null ? requested : operator ? Channel.HOTLINE : Channel.WEB;
        boolean allowed = operator ? channel == Channel.HOTLINE || channel == Channel.LETTER
                : channel == Channel.WEB || channel == Channel.APP;
        if (!allowed) {
            throw new DomainException.RuleViolation("channel-not-allowed", "channel",
                    "complaints from this account cannot be registered as " + channel);
        }
        return channel;
    }

    /** An anonymous complaint: no identity, a tracking code and a secret whose hash alone is stored. */
    public Mono<AnonymousReceipt> fileAnonymously(FileComplaintRequest request) {
        if (request.channel() != null && request.channel() != Channel.WEB) {
            return Mono.error(new DomainException.RuleViolation("channel-not-allowed", "channel",
                    "anonymous complaints come through the web"));
        }
        if (request.complainant() != null && request.complainant().hasAnyData()) {
            return Mono.error(new DomainException.RuleViolation("anonymous-with-identity", "complainant",
                    "an anonymous complaint carries no identity; sign in to leave contact data"));
        }
        String secret = trackingCodes.secret();
        return register(request, ANONYMOUS, ANONYMOUS, Channel.WEB, TrackingCodes.hash(secret))
                .map(registered -> new AnonymousReceipt(registered.complaint().trackingCode(), secret,
                        registered.complaint().status(), registered.complaint().dueDate()));
    }

    /** A complaint from an Open311 client application, with the caller's identity (if any) encrypted. */
    public Mono<Complaint> fileFromClient(FileComplaintRequest request, String clientName) {
        String filer = "open311:" + clientName;
        return register(request, filer, filer, Channel.OPEN311, null).map(Registered::complaint);
    }

    /** Open311 reads: public data only, the caller maps it to GeoReport fields without personal data. */
    public reactor.core.publisher.Flux<Complaint> publicSearch(java.util.List<String> trackingCodes,
                                                               Category category, java.time.Instant start,
                                                               java.time.Instant end, Boolean closed, int limit) {
        return complaints.search(trackingCodes, category, start, end, closed, limit);
    }

    public Mono<Complaint> publicFind(String trackingCode) {
        return complaints.findByTrackingCode(trackingCode);
    }

    public Mono<Complaint> publicFind(UUID id) {
        return complaints.find(id);
    }

    /** The tracking code of a master complaint, for the status notes of its duplicates. */
    public Mono<String> trackingCodeOf(UUID id) {
        return complaints.find(id).map(Complaint::trackingCode);
    }

    /** Progress for whoever holds the code and its secret; anything else is not found. */
    public Mono<PublicComplaintView> track(String trackingCode, String secret) {
        return complaints.findTracked(trackingCode)
                .filter(tracked -> secret != null && tracked.secretHash() != null
                        && TrackingCodes.matches(secret, tracked.secretHash()))
                .map(tracked -> PublicComplaintView.from(tracked.complaint()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", trackingCode)));
    }

    /**
     * The complainant in full, for staff who must call back. Every reveal is written to the audit trail; an
     * enterprise never reaches this (no role of its may), and neither does a handler of another unit.
     */
    public Mono<Complainant> revealComplainant(UUID id, CurrentUser staff) {
        return transactions.transactional(visible(id, staff)
                .flatMap(complaint -> complainants.find(id)
                        .switchIfEmpty(Mono.error(new DomainException.NotFound("complainant of complaint",
                                id.toString())))
                        .flatMap(complainant -> audit.record(staff.username(), "reveal-complainant", "complaint",
                                id.toString(), Map.of()).thenReturn(complainant))));
    }

    private record Registered(Complaint complaint, KnownEnterprise enterprise) {
    }

    private Mono<Registered> register(FileComplaintRequest given, String filedBy, String actor, Channel channel,
                                      String secretHash) {
        FileComplaintRequest request = given.inWgs84();
        if (!districts.isKnown(request.district())) {
            return Mono.error(new DomainException.RuleViolation("unknown-district", "district",
                    "'" + request.district() + "' is not a district of this city"));
        }
        if (request.receivedOn() != null && (channel != Channel.LETTER
                || request.receivedOn().isBefore(today().minusDays(rules.ceilingDays())))) {
            return Mono.error(new DomainException.RuleViolation("received-on", "receivedOn",
                    "only a letter has a day of receipt, at most " + rules.ceilingDays() + " days ago"));
        }
        Complainant complainant = request.complainant();
        if (complainant != null && complainant.idNumber() != null
                && !ResidentIdNumber.isValid(complainant.idNumber())) {
            return Mono.error(new DomainException.RuleViolation("invalid-id-number", "complainant.idNumber",
                    "the resident ID number's check character does not match"));
        }
        Mono<KnownEnterprise> enterprise = request.enterpriseCode() == null ? Mono.empty()
                : enterprises.find(request.enterpriseCode()).switchIfEmpty(Mono.error(
                        new DomainException.RuleViolation("unknown-enterprise", "enterpriseCode",
                                "no registered enterprise has the code " + request.enterpriseCode())));
        return enterprise.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(known -> {
                    var now = clock.instant();
                    LocalDate filed = today();
                    LocalDate clockStarts = request.receivedOn() == null ? filed : request.receivedOn();
                    LocalDate due = calendar.plusWorkingDays(clockStarts,
                            rules.workingDays().get(request.typeOrDefault()));
                    var registration = Complaint.register(UUID.randomUUID(), trackingCodes.next(filed), filedBy,
                            channel, request, now, due);
                    return registrations.store(new NewComplaint(registration.complaint(), registration.event(),
                                    complainant, secretHash, actor))
                            .thenReturn(new Registered(registration.complaint(), known.orElse(null)));
                });
    }

    /** One complaint, if the caller may see it; otherwise not found, as if it did not exist. */
    public Mono<ComplaintResponse> find(UUID id, CurrentUser reader) {
        return visible(id, reader).flatMap(complaint -> complainants.find(id)
                .map(complainant -> isComplainant(complaint, reader) ? complainant : complainant.masked())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(complainant -> view(complaint, complainant.orElse(null))));
    }

    /** Citizens list their own complaints; operators and admins all; handlers their unit's. */
    public Mono<PageResponse<ComplaintResponse>> list(CurrentUser reader, PageRequest page) {
        if (isHandler(reader)) {
            return queue(reader, page);
        }
        String filedBy = reader.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN) ? null : reader.subject();
        return complaints.list(filedBy, page.offset(), page.size())
                .concatMap(this::withEnterprise)
                .collectList()
                .zipWith(complaints.count(filedBy))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /**
     * The caller's work, earliest due date first: a handler's unit has what is dispatched to it and not yet
     * replied; operators have what waits for dispatch, follow-up or closing.
     */
    public Mono<PageResponse<ComplaintResponse>> queue(CurrentUser worker, PageRequest page) {
        String unit = isHandler(worker) ? requireUnit(worker) : null;
        return complaints.queue(unit, page.offset(), page.size())
                .concatMap(this::withEnterprise)
                .collectList()
                .zipWith(complaints.queueSize(unit))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** The unit the routing rules pick for a complaint; operators may choose another. */
    public String proposedUnit(Complaint complaint) {
        return rules.route(complaint.category(), complaint.district(), complaint.enterpriseCode());
    }

    public Mono<ComplaintResponse> dispatch(UUID id, String unit, CurrentUser operator) {
        return transition(id, operator, "dispatch", complaint -> {
            String target = unit == null || unit.isBlank() ? proposedUnit(complaint) : unit.strip();
            if (!rules.knownUnits().contains(target)) {
                throw new DomainException.RuleViolation("unknown-unit", "unit", "'" + target
                        + "' is not a handling unit");
            }
            var transition = complaint.dispatch(target, clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(), Map.of("unit", target));
        });
    }

    public Mono<ComplaintResponse> accept(UUID id, CurrentUser handler) {
        return transition(id, handler, "accept", complaint -> {
            var transition = complaint.accept(requireUnit(handler), clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(), Map.of());
        });
    }

    public Mono<ComplaintResponse> returnToDispatch(UUID id, String reason, CurrentUser handler) {
        return transition(id, handler, "return", complaint -> {
            var transition = complaint.returnToDispatch(requireUnit(handler), reason, clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(), Map.of("reason", reason));
        });
    }

    public Mono<ComplaintResponse> startHandling(UUID id, CurrentUser handler) {
        return transition(id, handler, "start-handling", complaint -> new Step(
                complaint.startHandling(requireUnit(handler)), null, Optional.empty(), Map.of()));
    }

    public Mono<ComplaintResponse> recordHandling(UUID id, boolean substantiated, String findings,
                                                  CurrentUser handler) {
        return transition(id, handler, "record-handling", complaint -> {
            var transition = complaint.recordHandling(requireUnit(handler), substantiated, findings, clock.instant());
            return new Step(transition.complaint(), transition.event(), transition.clue(),
                    Map.of("substantiated", substantiated));
        });
    }

    /** Answers the complainant, and every complainant whose complaint is linked to this one. */
    public Mono<ComplaintResponse> reply(UUID id, String text, CurrentUser handler) {
        return transition(id, handler, "reply", complaint -> {
            var transition = complaint.reply(requireUnit(handler), text, clock.instant(), today());
            return new Step(transition.complaint(), transition.event(), Optional.empty(), Map.of());
        }, master -> complaints.linkedTo(master.id())
                .concatMap(linked -> {
                    var transition = linked.receiveMasterReply(master, clock.instant(), today());
                    return store(new Step(transition.complaint(), transition.event(), Optional.empty(),
                            Map.of("master", master.id().toString())), handler.username(), "reply-as-linked");
                })
                .then());
    }

    /** Open complaints that may report the same facts as this one, most similar first. */
    public reactor.core.publisher.Flux<DuplicateCandidate> duplicates(UUID id, CurrentUser operator) {
        var finder = new DuplicateFinder(rules.duplicates());
        return visible(id, operator).flatMapMany(complaint -> complaints
                .recentOpen(complaint.registeredAt().minus(rules.duplicates().window()), 500)
                .collectList()
                .flatMapIterable(recent -> finder.candidates(complaint, recent))
                .map(candidate -> new DuplicateCandidate(candidate.master().id(), candidate.master().trackingCode(),
                        candidate.master().status(), Math.round(candidate.similarity() * 1000) / 1000.0,
                        candidate.distanceMeters() == null ? null : (double) Math.round(candidate.distanceMeters()))));
    }

    /** The operator confirms a duplicate: it is linked to the master and answered with it. */
    public Mono<ComplaintResponse> linkDuplicate(UUID id, UUID masterId, CurrentUser operator) {
        return visible(masterId, operator).flatMap(master -> transition(id, operator, "link", complaint -> {
            var transition = complaint.linkTo(master, clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(),
                    Map.of("master", masterId.toString()));
        }));
    }

    public Mono<ComplaintResponse> followUp(UUID id, Satisfaction satisfaction, boolean solved, boolean reopen,
                                            CurrentUser operator) {
        return transition(id, operator, "follow-up", complaint -> {
            var transition = complaint.followUp(satisfaction, solved, reopen, clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(),
                    Map.of("satisfaction", satisfaction.name(), "solved", solved, "reopen", reopen));
        });
    }

    public Mono<ComplaintResponse> pause(UUID id, CurrentUser handler) {
        return transition(id, handler, "pause", complaint -> {
            var transition = complaint.pause(requireUnit(handler), today(), clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(), Map.of());
        });
    }

    /** The due date moves by the working days the clock stood still. */
    public Mono<ComplaintResponse> resume(UUID id, CurrentUser handler) {
        return transition(id, handler, "resume", complaint -> {
            LocalDate paused = complaint.sla().pausedSince();
            int stood = paused == null ? 0 : Math.max(0, calendar.workingDaysBetween(paused, today()));
            LocalDate due = calendar.plusWorkingDays(complaint.dueDate(), stood);
            var transition = complaint.resume(requireUnit(handler), due, clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(),
                    Map.of("dueDate", due.toString()));
        });
    }

    public Mono<ComplaintResponse> extend(UUID id, LocalDate dueDate, String reason, CurrentUser approver) {
        return transition(id, approver, "extend", complaint -> {
            LocalDate registered = complaint.registeredAt().atZone(zone).toLocalDate();
            LocalDate latest = registered.plusDays(rules.ceilingDays() + rules.extensionCeilingDays());
            var transition = complaint.extend(dueDate, reason, today(), latest, clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(),
                    Map.of("dueDate", dueDate.toString(), "reason", reason));
        });
    }

    /**
     * Escalates every overdue complaint to the level its working days past due have reached. Returns how many
     * were escalated. Safe with several replicas: one run at a time holds a transaction-scoped advisory lock, and
     * each update is conditional on the version it read.
     */
    public Mono<Long> escalateOverdue() {
        LocalDate today = today();
        var emergencyDeadline = clock.instant().minus(rules.emergencyDispatch());
        return transactions.transactional(ReplicaTurns.ifOurTurn(db, AdvisoryLock.COMPLAINT_ESCALATION, () ->
                        // An emergency not dispatched within the hour goes straight to supervision (督办).
                        complaints.undispatchedEmergencies(emergencyDeadline)
                                .concatMap(complaint -> escalate(complaint, EscalationLevel.SUPERVISION))
                                .concatWith(complaints.overdue(today, 1000).concatMap(complaint -> escalate(complaint,
                                        rules.escalation().levelFor(
                                                calendar.workingDaysBetween(complaint.dueDate(), today))))))
                .count());
    }

    /** Raises one complaint's escalation; nothing when it is there already or changed meanwhile. */
    private Mono<Long> escalate(Complaint complaint, EscalationLevel level) {
        return Mono.justOrEmpty(complaint.escalate(level, clock.instant()))
                .flatMap(transition -> complaints.update(transition.complaint())
                        .filter(Boolean::booleanValue)
                        .flatMap(updated -> outbox.append(transition.event())
                                .then(audit.record(SYSTEM, "escalate", "complaint", complaint.id().toString(),
                                        Map.of("level", level.name())))
                                .thenReturn(1L)));
    }

    public Mono<ComplaintResponse> close(UUID id, CurrentUser operator) {
        return transition(id, operator, "close", complaint -> {
            var transition = complaint.close(clock.instant());
            return new Step(transition.complaint(), transition.event(), Optional.empty(), Map.of());
        });
    }

    /** One workflow step: the next state, the event it reports (if any), a clue for enforcement, audit details. */
    private record Step(Complaint next, PublishedEvent event, Optional<ComplaintSubstantiated> clue,
                        Map<String, ?> details) {
    }

    private Mono<ComplaintResponse> transition(UUID id, CurrentUser actor, String action,
                                               Function<Complaint, Step> decide) {
        return transition(id, actor, action, decide, next -> Mono.empty());
    }

    /** Runs one step, then {@code after} with the new state, all in one transaction. */
    private Mono<ComplaintResponse> transition(UUID id, CurrentUser actor, String action,
                                               Function<Complaint, Step> decide,
                                               Function<Complaint, Mono<Void>> after) {
        return transactions.transactional(visible(id, actor)
                .flatMap(complaint -> store(decide.apply(complaint), actor.username(), action)
                        .flatMap(next -> after.apply(next).thenReturn(next))))
                .flatMap(this::withEnterprise);
    }

    /** Writes a step's state (conditional on the version it came from), its event, its clue and its audit record. */
    private Mono<Complaint> store(Step step, String actor, String action) {
        Complaint next = step.next();
        return complaints.update(next)
                .flatMap(updated -> updated ? Mono.<Void>empty()
                        : Mono.error(new DomainException.Conflict("stale-version", "complaint "
                                + next.trackingCode() + " was changed meanwhile; reload it")))
                .then(step.event() == null ? Mono.empty() : outbox.append(step.event()))
                .then(step.clue().map(outbox::append).orElse(Mono.empty()))
                .then(audit.record(actor, action, "complaint", next.id().toString(), step.details()))
                .thenReturn(next);
    }

    /** The complaint if this reader may see it, else not found. */
    public Mono<Complaint> visibleTo(UUID id, CurrentUser reader) {
        return visible(id, reader);
    }

    private Mono<Complaint> visible(UUID id, CurrentUser reader) {
        return complaints.find(id)
                .filter(complaint -> mayRead(complaint, reader))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", id.toString())));
    }

    private Mono<ComplaintResponse> withEnterprise(Complaint complaint) {
        return view(complaint, null);
    }

    private Mono<ComplaintResponse> view(Complaint complaint, Complainant complainant) {
        LocalDate today = today();
        if (complaint.enterpriseCode() == null) {
            return Mono.just(ComplaintResponse.from(complaint, null, today, complainant, dispatchBy(complaint)));
        }
        return enterprises.find(complaint.enterpriseCode())
                .map(known -> ComplaintResponse.from(complaint, known, today, complainant, dispatchBy(complaint)))
                .defaultIfEmpty(ComplaintResponse.from(complaint, null, today, complainant, dispatchBy(complaint)));
    }

    /** For an emergency still waiting for dispatch: the moment it must be dispatched by. */
    private java.time.Instant dispatchBy(Complaint complaint) {
        boolean waiting = complaint.status() == ComplaintStatus.REGISTERED
                || complaint.status() == ComplaintStatus.RETURNED;
        return complaint.type() == ComplaintType.EMERGENCY && waiting
                ? complaint.registeredAt().plus(rules.emergencyDispatch()) : null;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** The signed-in complainant themself; an operator who entered a caller's complaint is not the complainant. */
    private static boolean isComplainant(Complaint complaint, CurrentUser reader) {
        return complaint.filedBy(reader.subject()) && complaint.channel() != Channel.HOTLINE;
    }

    private static boolean mayRead(Complaint complaint, CurrentUser reader) {
        if (reader.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN) || complaint.filedBy(reader.subject())) {
            return true;
        }
        return isHandler(reader) && reader.department() != null
                && reader.department().equals(complaint.handling().unit());
    }

    private static boolean isHandler(CurrentUser user) {
        return user.hasRole(Roles.COMPLAINT_HANDLER) && !user.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN);
    }

    private static String requireUnit(CurrentUser handler) {
        if (handler.department() == null) {
            throw new DomainException.Forbidden("your account names no handling unit");
        }
        return handler.department();
    }
}
