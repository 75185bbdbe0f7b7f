package gov.envgov.permit.lifecycle;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.enterprise.EnterpriseService;
import gov.envgov.permit.permit.Permit;
import gov.envgov.permit.permit.PermitClass;
import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.permit.permit.PermitRules;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Moving in permits issued before this system, all of a request in one transaction. */
@Service
public class PermitImportService {

    private final PermitRepository permits;
    private final PermitStore store;
    private final EnterpriseService enterprises;
    private final PermitRules rules;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    PermitImportService(PermitRepository permits, PermitStore store, EnterpriseService enterprises,
                        PermitRules rules, TransactionalOperator transactions, BureauTime time) {
        this.permits = permits;
        this.store = store;
        this.enterprises = enterprises;
        this.rules = rules;
        this.transactions = transactions;
        this.time = time;
    }

    /**
     * Moves in permits issued before this system (admin). A holder that has a permit here already is skipped, so a
     * repeated import changes nothing. Each permit is stored with its limits, report schedule, event and audit.
     */
    public Mono<LifecycleRequests.ImportResult> importAll(LifecycleRequests.ImportPermits request,
                                                          CurrentUser actor) {
        LocalDate today = time.today();
        return transactions.transactional(Flux.fromIterable(request.permits()).index().concatMap(indexed -> {
            var item = indexed.getT2();
            return enterprises.find(item.enterpriseCode())
                    .onErrorMap(DomainException.NotFound.class, e -> new DomainException.RuleViolation(
                            "unknown-enterprise", "permits[" + indexed.getT1() + "].enterpriseCode",
                            item.enterpriseCode() + " is not registered"))
                    .flatMap(enterprise -> permits.hasNumberedPermit(enterprise.code()).flatMap(holds -> {
                        if (holds) {
                            return Mono.just(false);
                        }
                        Permit.Transition imported = Permit.imported(UUID.randomUUID(), enterprise.code(),
                                enterprise.name(), enterprise.district(), PermitClass.of(enterprise.managementClass()),
                                item.content(), item.address(), item.legalRepresentative(),
                                rules.numberFor(enterprise.code()), item.validFrom(), rules, time.now());
                        LocalDate reportsFrom = item.reportsFrom() == null ? today : item.reportsFrom();
                        return store.recordImported(imported, reportsFrom, actor.username(),
                                        Map.of("number", imported.permit().validity().number(), "validFrom",
                                                item.validFrom().toString()))
                                .thenReturn(true);
                    }));
        }).reduce(new LifecycleRequests.ImportResult(0, 0), (result, imported) -> imported
                ? new LifecycleRequests.ImportResult(result.imported() + 1, result.alreadyHoldingAPermit())
                : new LifecycleRequests.ImportResult(result.imported(), result.alreadyHoldingAPermit() + 1)));
    }
}
