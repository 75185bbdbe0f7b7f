package gov.envgov.permit.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.permit.enterprise.EnterpriseService;
import gov.envgov.permit.enterprise.ManagementClass;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** 登记管理: registration-only units file their form; it is effective on filing, and every change is re-filed. */
@Service
public class RegistrationService {

    private final DatabaseClient db;
    private final EnterpriseService enterprises;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final int refilingDays;
    private final String numberSuffix;

    RegistrationService(DatabaseClient db, EnterpriseService enterprises, Outbox outbox, AuditTrail audit,
                        TransactionalOperator transactions, JsonMapper json, Clock clock, ZoneId zone,
                        @Value("${envgov.permit.registration.refiling-days}") int refilingDays,
                        @Value("${envgov.permit.registration.number-suffix}") String numberSuffix) {
        this.db = db;
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.refilingDays = refilingDays;
        this.numberSuffix = numberSuffix;
    }

    public Mono<Registration> file(String code, FileRegistrationRequest request, CurrentUser actor) {
        if (!actor.actsFor(code)) {
            return Mono.error(new DomainException.NotFound("enterprise", code));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return transactions.transactional(enterprises.find(code).flatMap(enterprise -> {
            if (enterprise.managementClass() != ManagementClass.REGISTRATION) {
                return Mono.error(new DomainException.RuleViolation("permit-required", "enterpriseCode",
                        "a " + enterprise.managementClass() + " unit needs a permit, not a registration"));
            }
            return latestVersion(code).flatMap(latest -> {
                if (latest.intValue() != request.version().intValue()) {
                    return Mono.error(new DomainException.Conflict("stale-version", "the registration is at version "
                            + latest + "; reload it and file again"));
                }
                if (latest > 0 && request.changedOn() == null) {
                    return Mono.error(new DomainException.RuleViolation("changed-on-required", "changedOn",
                            "a re-filing names the day of the change it reports"));
                }
                Registration registration = Registration.file(code, latest + 1, code + numberSuffix,
                        request.form(), request.changedOn(), refilingDays, today, actor.username(), now);
                return insert(registration)
                        .onErrorMap(DataIntegrityViolationException.class, e -> new DomainException.Conflict(
                                "stale-version", "the registration was re-filed meanwhile; reload it and file again"))
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
        return versions(code).next()
                .switchIfEmpty(Mono.error(new DomainException.NotFound("registration", code)));
    }

    public Flux<Registration> history(String code, CurrentUser actor) {
        if (!actor.isStaff() && !actor.actsFor(code)) {
            return Flux.error(new DomainException.NotFound("enterprise", code));
        }
        return versions(code);
    }

    private Mono<Integer> latestVersion(String code) {
        return db.sql("SELECT coalesce(max(version), 0) AS v FROM registration WHERE enterprise_code = :code")
                .bind("code", code).map(row -> row.get("v", Integer.class)).one();
    }

    private Mono<Void> insert(Registration r) {
        return db.sql("""
                        INSERT INTO registration (enterprise_code, version, number, form, changed_on, refiling_due,
                                                  late, filed_by, filed_at)
                        VALUES (:code, :version, :number, :form, :changedOn, :due, :late, :by, :at)""")
                .bind("code", r.enterpriseCode()).bind("version", r.version()).bind("number", r.number())
                .bind("form", Json.of(json.writeValueAsString(r.form())))
                .bind("changedOn", Parameter.fromOrEmpty(r.changedOn(), LocalDate.class))
                .bind("due", Parameter.fromOrEmpty(r.refilingDue(), LocalDate.class))
                .bind("late", r.late()).bind("by", r.filedBy()).bind("at", r.filedAt())
                .then();
    }

    private Flux<Registration> versions(String code) {
        return db.sql("SELECT * FROM registration WHERE enterprise_code = :code ORDER BY version DESC")
                .bind("code", code).map(this::read).all();
    }

    private Registration read(Readable row) {
        return new Registration(row.get("enterprise_code", String.class), row.get("version", Integer.class),
                row.get("number", String.class),
                json.readValue(row.get("form", Json.class).asString(), RegistrationForm.class),
                row.get("changed_on", LocalDate.class), row.get("refiling_due", LocalDate.class),
                Boolean.TRUE.equals(row.get("late", Boolean.class)), row.get("filed_by", String.class),
                row.get("filed_at", Instant.class));
    }
}
