package gov.envgov.complaint.intake;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintRepository;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.enterprise.EnterpriseDirectory;
import gov.envgov.complaint.enterprise.KnownEnterprise;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * Registration through every channel (web and app, hotline and letter, anonymous, Open311 clients) and tracking of
 * an anonymous complaint. {@link IntakePolicy} decides; registrations are stored by group commit.
 */
@Service
public class IntakeService {

    /** Who files when nobody signs in: such complaints belong to no account and are followed by code and secret. */
    static final String ANONYMOUS = "anonymous";

    private final IntakePolicy policy;
    private final RegistrationWriter registrations;
    private final ComplaintRepository complaints;
    private final EnterpriseDirectory enterprises;
    private final TrackingCodes trackingCodes;
    private final ComplaintProperties rules;
    private final BureauTime time;

    IntakeService(RegistrationWriter registrations, ComplaintRepository complaints, EnterpriseDirectory enterprises,
                  TrackingCodes trackingCodes, ComplaintProperties rules, Districts districts,
                  WorkingDayCalendar calendar, BureauTime time) {
        this.policy = new IntakePolicy(rules.workingDays(), rules.ceilingDays(), districts.districts().stream()
                .map(Districts.District::name).collect(Collectors.toSet()), calendar);
        this.registrations = registrations;
        this.complaints = complaints;
        this.enterprises = enterprises;
        this.trackingCodes = trackingCodes;
        this.rules = rules;
        this.time = time;
    }

    /** A citizen's complaint, or one an operator enters for a caller or from a letter. */
    public Mono<ComplaintResponse> file(FileComplaintRequest request, CurrentUser filer) {
        return Mono.fromCallable(() -> policy.channelFor(request.channel(), filer))
                .flatMap(channel -> register(request, filer.subject(), filer.username(), channel, null))
                .map(registered -> ComplaintResponse.from(registered.complaint(), registered.enterprise(),
                        time.today(), request.complainant(),
                        registered.complaint().dispatchBy(rules.emergencyDispatch())));
    }

    /** An anonymous complaint: no identity, a tracking code and a secret whose hash alone is stored. */
    public Mono<AnonymousReceipt> fileAnonymously(FileComplaintRequest request) {
        return Mono.fromRunnable(() -> policy.checkAnonymous(request.channel(), request.complainant()))
                .then(Mono.fromCallable(trackingCodes::secret))
                .flatMap(secret -> register(request, ANONYMOUS, ANONYMOUS, Channel.WEB, TrackingCodes.hash(secret))
                        .map(registered -> new AnonymousReceipt(registered.complaint().trackingCode(), secret,
                                registered.complaint().status(), registered.complaint().dueDate())));
    }

    /** A complaint from an Open311 client application, with the caller's identity (if any) encrypted. */
    public Mono<Complaint> fileFromClient(FileComplaintRequest request, String clientName) {
        String filer = "open311:" + clientName;
        return register(request, filer, filer, Channel.OPEN311, null).map(Registered::complaint);
    }

    /** Progress for whoever holds the code and its secret; anything else is not found. */
    public Mono<PublicComplaintView> track(String trackingCode, @Nullable String secret) {
        return complaints.findTracked(trackingCode)
                .filter(tracked -> secret != null && tracked.secretHash() != null
                        && TrackingCodes.matches(secret, tracked.secretHash()))
                .map(tracked -> PublicComplaintView.from(tracked.complaint()))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", trackingCode)));
    }

    /** The id of the complaint the code and secret name; anything else is not found, as for {@link #track}. */
    public Mono<UUID> trackedId(String trackingCode, @Nullable String secret) {
        return complaints.findTracked(trackingCode)
                .filter(tracked -> secret != null && tracked.secretHash() != null
                        && TrackingCodes.matches(secret, tracked.secretHash()))
                .map(tracked -> tracked.complaint().id())
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", trackingCode)));
    }

    private record Registered(Complaint complaint, @Nullable KnownEnterprise enterprise) {
    }

    private Mono<Registered> register(FileComplaintRequest given, String filedBy, String actor, Channel channel,
                                      @Nullable String secretHash) {
        FileComplaintRequest request = given.inWgs84();
        LocalDate today = time.today();
        return Mono.fromRunnable(() -> policy.check(request.district(), request.receivedOn(), request.complainant(),
                        channel, today))
                .then(knownEnterprise(request.enterpriseCode()))
                .flatMap(known -> {
                    LocalDate due = policy.dueDate(request.typeOrDefault(), today, request.receivedOn());
                    var registration = Complaint.register(UUID.randomUUID(), trackingCodes.next(today), filedBy,
                            channel, request.facts(), time.now(), due,
                            request.receivedOn() == null ? today : request.receivedOn());
                    return registrations.store(new NewComplaint(registration.complaint(), registration.event(),
                                    request.complainant(), secretHash, actor, request.consentsToPublicFeed()))
                            .thenReturn(new Registered(registration.complaint(), known.orElse(null)));
                });
    }

    private Mono<Optional<KnownEnterprise>> knownEnterprise(@Nullable String code) {
        Mono<Optional<KnownEnterprise>> found = code == null ? Mono.just(Optional.empty())
                : enterprises.find(code).map(Optional::of).defaultIfEmpty(Optional.empty());
        return found.map(registry -> policy.knownEnterprise(code, registry));
    }
}
