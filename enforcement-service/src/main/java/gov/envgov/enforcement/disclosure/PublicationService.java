package gov.envgov.enforcement.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/**
 * Publication of penalty decisions: ENF-PUBLISH-DECISION (public within 7 working days of the decision; published at
 * once here), ENF-PUBLISH-WITHDRAWAL (withdrawn within 3 working days when changed or annulled, the withdrawal public
 * too), ENF-PUBLISH-REDACTION. Called inside the case's transaction.
 */
@Service
public class PublicationService {

    private final PublicationRepository publications;
    private final PoolService pool;
    private final WorkingDayCalendar calendar;
    private final BureauTime time;
    private final int publishWorkingDays;

    PublicationService(PublicationRepository publications, PoolService pool, WorkingDayCalendar calendar,
                       BureauTime time,
                       @Value("${envgov.enforcement.disclosure.publish-working-days}") int publishWorkingDays) {
        this.publications = publications;
        this.pool = pool;
        this.calendar = calendar;
        this.time = time;
        this.publishWorkingDays = publishWorkingDays;
    }

    /** A decided penalty as the law lets it be published. */
    public record Decision(UUID caseId, String enterpriseCode, boolean naturalPerson, String violation,
                           String legalBasis, BigDecimal fine, String reason, LocalDate decidedOn) {
    }

    public Mono<Void> publish(Decision decision) {
        return pool.districtOf(decision.enterpriseCode()).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(district -> publications.insert(new PenaltyPublication(decision.caseId(),
                        decision.naturalPerson() ? null : decision.enterpriseCode(),
                        Redaction.party(decision.naturalPerson(), decision.enterpriseCode()), district.orElse(null),
                        decision.violation(), decision.legalBasis(), decision.fine(),
                        Redaction.text(decision.reason()), decision.decidedOn(), time.today(),
                        calendar.plusWorkingDays(decision.decidedOn(), publishWorkingDays), null, null)));
    }

    /** The publication of a changed or annulled decision is withdrawn, and says so publicly. */
    public Mono<Void> withdraw(UUID caseId, String reason) {
        return publications.withdraw(caseId, time.today(), Redaction.text(reason))
                .flatMap(withdrawn -> withdrawn ? Mono.<Void>empty() : Mono.error(new DomainException.Conflict(
                        "not-published", "case " + caseId + " has no published decision to withdraw")));
    }

    public Mono<PenaltyPublication> find(UUID caseId) {
        return publications.find(caseId).switchIfEmpty(Mono.error(new DomainException.NotFound("penalty decision",
                caseId.toString())));
    }

    public Mono<PageResponse<PenaltyPublication>> search(String enterprise, String district, Integer year,
                                                         PageRequest page) {
        return publications.search(enterprise, district, year, page.offset(), page.size()).collectList()
                .zipWith(publications.count(enterprise, district, year))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }
}
