package gov.envgov.complaint.complaint;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.enterprise.EnterpriseDirectory;
import gov.envgov.complaint.enterprise.KnownEnterprise;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.problem.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

@Service
public class ComplaintService {

    /** Tracking codes carry the bureau's local date. */
    private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

    private final ComplaintRepository complaints;
    private final EnterpriseDirectory enterprises;
    private final TrackingCodes trackingCodes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Districts districts;
    private final TransactionalOperator transactions;
    private final Clock clock;

    ComplaintService(ComplaintRepository complaints, EnterpriseDirectory enterprises, TrackingCodes trackingCodes,
                     Outbox outbox, AuditTrail audit, Districts districts, TransactionalOperator transactions,
                     Clock clock) {
        this.complaints = complaints;
        this.enterprises = enterprises;
        this.trackingCodes = trackingCodes;
        this.outbox = outbox;
        this.audit = audit;
        this.districts = districts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<ComplaintResponse> file(FileComplaintRequest request, CurrentUser filer) {
        if (!districts.isKnown(request.district())) {
            return Mono.error(new DomainException.RuleViolation("unknown-district", "district",
                    "'" + request.district() + "' is not a district of this city"));
        }
        Channel channel = filer.hasRole(Roles.HOTLINE_OPERATOR) ? Channel.HOTLINE : Channel.WEB;
        Mono<KnownEnterprise> enterprise = request.enterpriseCode() == null ? Mono.empty()
                : enterprises.find(request.enterpriseCode()).switchIfEmpty(Mono.error(
                        new DomainException.RuleViolation("unknown-enterprise", "enterpriseCode",
                                "no registered enterprise has the code " + request.enterpriseCode())));
        return enterprise.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(known -> {
                    var now = clock.instant();
                    var registration = Complaint.register(UUID.randomUUID(),
                            trackingCodes.next(now.atZone(BUREAU_ZONE).toLocalDate()), filer.subject(), channel,
                            request, now);
                    Complaint complaint = registration.complaint();
                    return transactions.transactional(complaints.insert(complaint)
                                    .then(outbox.append(registration.event()))
                                    .then(audit.record(filer.username(), "register", "complaint",
                                            complaint.id().toString(), Map.of("channel", channel.name()))))
                            .thenReturn(ComplaintResponse.from(complaint, known.orElse(null)));
                });
    }

    /** One complaint, if the caller may see it; otherwise not found, as if it did not exist. */
    public Mono<ComplaintResponse> find(UUID id, CurrentUser reader) {
        return complaints.find(id)
                .filter(complaint -> mayRead(complaint, reader))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("complaint", id.toString())))
                .flatMap(this::withEnterprise);
    }

    /** Citizens list their own complaints; complaint-line staff list all. */
    public Mono<PageResponse<ComplaintResponse>> list(CurrentUser reader, PageRequest page) {
        String filedBy = isComplaintStaff(reader) ? null : reader.subject();
        return complaints.list(filedBy, page.offset(), page.size())
                .concatMap(this::withEnterprise)
                .collectList()
                .zipWith(complaints.count(filedBy))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    private Mono<ComplaintResponse> withEnterprise(Complaint complaint) {
        if (complaint.enterpriseCode() == null) {
            return Mono.just(ComplaintResponse.from(complaint, null));
        }
        return enterprises.find(complaint.enterpriseCode())
                .map(known -> ComplaintResponse.from(complaint, known))
                .defaultIfEmpty(ComplaintResponse.from(complaint, null));
    }

    private static boolean mayRead(Complaint complaint, CurrentUser reader) {
        return isComplaintStaff(reader) || complaint.filedBy(reader.subject());
    }

    private static boolean isComplaintStaff(CurrentUser user) {
        return user.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.COMPLAINT_HANDLER, Roles.ADMIN);
    }
}
