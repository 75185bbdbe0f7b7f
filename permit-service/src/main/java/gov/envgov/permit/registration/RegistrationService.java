package gov.envgov.permit.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.enterprise.EnterpriseService;
import gov.envgov.permit.enterprise.ManagementClass;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 登记管理: registration-only units file their form; it is effective on filing, and every change is re-filed. */
@Service
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final EnterpriseService enterprises;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;
    private final int refilingDays;
    private final String numberSuffix;

    RegistrationService(RegistrationRepository registrations, EnterpriseService enterprises, Outbox outbox,
                        AuditTrail audit, TransactionalOperator transactions, BureauTime time,
                        @Value("${envgov.permit.registration.refiling-days}") int refilingDays,
                        @Value("${envgov.permit.registration.number-suffix}") String numberSuffix) {
        this.registrations = registrations;
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
        this.refilingDays = refilingDays;
        this.numberSuffix = numberSuffix;
    }

    public Mono<Registration> file(String code, FileRegistrationRequest request, CurrentUser actor) {
        if (!actor.actsFor(code)) {
            return Mono.error(new DomainException.NotFound("enterprise", code));
        }
        Instant now = time.now();
        LocalDate today = time.dateOf(now);
        return transactions.transactional(enterprises.find(code).flatMap(enterprise -> {
            if (enterprise.managementClass() != ManagementClass.REGISTRATION) {
                return Mono.error(new DomainException.RuleViolation("permit-required", "enterpriseCode",
                        "a " + enterprise.managementClass() + " unit needs a permit, not a registration"));
            }
            return registrations.latestVersion(code).flatMap(latest -> {
                if (latest.intValue() != request.version().intValue()) {
                    return Mono.error(new DomainException.Conflict("stale-version", "the registration of "
                            + code + " is at version " + latest + ", not " + request.version()
                            + "; reload it and file again",
                            new DomainException.Blocker("registration", code, null), null));
                }
                if (latest > 0 && request.changedOn() == null) {
                    return Mono.error(new DomainException.RuleViolation("changed-on-required", "changedOn",
                            "a re-filing names the day of the change it reports"));
                }
                Registration registration = Registration.file(code, latest + 1, code + numberSuffix,
                        request.form(), request.changedOn(), refilingDays, today, actor.username(), now);
                return registrations.insert(registration)
                        .onErrorMap(DataIntegrityViolationException.class, e -> new DomainException.Conflict(
                                "stale-version", "the registration of " + code + " was re-filed meanwhile (version "
                                + (latest + 1) + "); reload it and file again",
                                new DomainException.Blocker("registration", code, null), null))
                        .then(outbox.append(registration.event()))
                        .then(audit.record(actor.username(), latest == 0 ? "register" : "re-file", "registration",
                                code, Map.of("version", registration.version(), "late", registration.late())))
                        .thenReturn(registration);
            });
        }));
    }

    public Mono<Registration> current(String code, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(code)) {
            return Mono.error(new DomainException.NotFound("enterprise", code));
        }
        return registrations.versions(code).next()
                .switchIfEmpty(Mono.error(new DomainException.NotFound("registration", code)));
    }

    public Flux<Registration> history(String code, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(code)) {
            return Flux.error(new DomainException.NotFound("enterprise", code));
        }
        return registrations.versions(code);
    }
}
