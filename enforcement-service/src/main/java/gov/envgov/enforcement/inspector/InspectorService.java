package gov.envgov.enforcement.inspector;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** The inspector pool's use cases: admin enrols inspectors; inspectors and admin declare relations. */
@Service
public class InspectorService {

    private static final String AUDIT_TYPE = "inspector";

    private final InspectorRepository inspectors;
    private final Districts districts;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    InspectorService(InspectorRepository inspectors, Districts districts, AuditTrail audit,
                     TransactionalOperator transactions, BureauTime time) {
        this.inspectors = inspectors;
        this.districts = districts;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    public Mono<Inspector> enrol(InspectorRequests.Enrol request, CurrentUser admin) {
        if (request.district() != null && !districts.isKnown(request.district())) {
            return Mono.error(new DomainException.RuleViolation("unknown-district", "district",
                    "'" + request.district() + "' is not a district of this city"));
        }
        Inspector inspector = new Inspector(UUID.randomUUID(), blankToNull(request.username()), request.name(),
                request.credentialNumber(), request.validUntil(), request.district(), request.department(), true, 0);
        return transactions.transactional(inspectors.insert(inspector, time.now())
                .flatMap(inserted -> inserted ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "inspector-exists", "an inspector with credential " + request.credentialNumber()
                                + " or username " + request.username() + " is enrolled already")))
                .then(audit.record(admin.username(), "enrol", AUDIT_TYPE, inspector.id().toString(),
                        Map.of("credentialNumber", inspector.credentialNumber())))
                .thenReturn(inspector));
    }

    /** A relation declared for an inspector: by admin for anyone, by an inspector only for themself. */
    public Mono<Relation> declare(UUID inspectorId, InspectorRequests.Declare request, CurrentUser actor) {
        return transactions.transactional(find(inspectorId)
                .flatMap(inspector -> {
                    if (!actor.hasRole(Roles.ADMIN)
                            && !actor.username().equals(inspector.username())) {
                        return Mono.error(new DomainException.Forbidden(
                                "an inspector declares their own relations; admin declares anyone's"));
                    }
                    Relation relation = new Relation(inspectorId, request.enterpriseCode(), request.kind(),
                            request.note(), time.now(), actor.username());
                    return inspectors.declare(relation)
                            .then(audit.record(actor.username(), "declare-relation", AUDIT_TYPE,
                                    inspectorId.toString(), Map.of("enterprise", request.enterpriseCode(),
                                            "kind", request.kind().name())))
                            .thenReturn(relation);
                }));
    }

    public Mono<Inspector> find(UUID id) {
        return inspectors.find(id).switchIfEmpty(Mono.error(new DomainException.NotFound("inspector",
                id.toString())));
    }

    /** The inspector record of a signed-in user, if they are in the pool. */
    public Mono<Inspector> of(CurrentUser user) {
        return inspectors.findByUsername(user.username()).switchIfEmpty(Mono.error(new DomainException.Forbidden(
                "your account is not an inspector of the inspector pool")));
    }

    public Mono<PageResponse<Inspector>> list(PageRequest page) {
        return inspectors.list(page.offset(), page.size()).collectList().zipWith(inspectors.count())
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** Who may be drawn on the day: of one district for a county draw, of any for a city draw. */
    public Mono<List<Inspector>> credentialed(String district, LocalDate day) {
        return inspectors.credentialed(district, day).filter(inspector -> inspector.mayInspectOn(day))
                .collectList();
    }

    public Mono<List<Relation>> relationsWith(Collection<String> enterpriseCodes) {
        return inspectors.relationsWith(enterpriseCodes).collectList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
