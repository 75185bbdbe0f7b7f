package gov.envgov.permit.permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PermitRepository {

    private static final String COLUMNS = """
            id, enterprise_code, holder_name, district, management_class, kind, renews, status, content, address,
            legal_representative, submitted_on, completeness_due, accepted_on, deemed_accepted, site_check,
            decision_due, supplement_request, decision_reason, number, valid_from, valid_to, end_reason, end_basis,
            reminded_days, version, created_at, updated_at""";

    /** The same columns, qualified for a query that joins the permit as {@code p}. */
    private static final String JOINED_COLUMNS = Arrays.stream(COLUMNS.split(","))
            .map(column -> "p." + column.strip()).collect(Collectors.joining(", "));

    private static final String UNDER_REVIEW = "status IN ('SUBMITTED', 'ACCEPTED', 'SITE_CHECK')";

    private final DatabaseClient db;
    private final JsonMapper json;

    PermitRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Permit> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE id = :id").bind("id", id).map(this::read).one();
    }

    Mono<Void> insert(Permit permit) {
        return bindAll(db.sql("INSERT INTO permit (" + COLUMNS + """
                ) VALUES (:id, :enterpriseCode, :holderName, :district, :permitClass, :kind, :renews, :status,
                          :content, :address, :legalRepresentative, :submittedOn, :completenessDue, :acceptedOn,
                          :deemedAccepted, :siteCheck, :decisionDue, :supplementRequest, :decisionReason, :number,
                          :validFrom, :validTo, :endReason, :endBasis, :remindedDays, :version, :createdAt,
                          :updatedAt)"""), permit).then().then(syncDirectory(permit));
    }

    /** Writes the next version; false when the stored version is no longer the one it was derived from. */
    Mono<Boolean> update(Permit permit) {
        return bindAll(db.sql("""
                UPDATE permit SET holder_name = :holderName, status = :status, content = :content,
                    address = :address, legal_representative = :legalRepresentative, submitted_on = :submittedOn,
                    completeness_due = :completenessDue, accepted_on = :acceptedOn,
                    deemed_accepted = :deemedAccepted, site_check = :siteCheck, decision_due = :decisionDue,
                    supplement_request = :supplementRequest, decision_reason = :decisionReason, number = :number,
                    valid_from = :validFrom, valid_to = :validTo, end_reason = :endReason, end_basis = :endBasis,
                    reminded_days = :remindedDays, version = :version, updated_at = :updatedAt
                WHERE id = :id AND version = :version - 1
                  AND enterprise_code = :enterpriseCode AND district = :district AND kind = :kind
                  AND management_class = :permitClass AND created_at = :createdAt
                  AND renews IS NOT DISTINCT FROM :renews"""), permit)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? syncDirectory(permit).thenReturn(true) : Mono.just(false));
    }

    /** Keeps the public directory in step: a permit is listed while it has a number and is not superseded. */
    private Mono<Void> syncDirectory(Permit permit) {
        if (permit.validity().number() == null) {
            return Mono.empty();
        }
        if (permit.status() == PermitStatus.SUPERSEDED) {
            return db.sql("DELETE FROM permit_directory WHERE id = :id").bind("id", permit.id()).then();
        }
        return db.sql("""
                        INSERT INTO permit_directory (id, number, enterprise_code, name_lower, district,
                                                      management_class)
                        VALUES (:id, :number, :code, :name, :district, :class)
                        ON CONFLICT (id) DO UPDATE SET name_lower = excluded.name_lower""")
                .bind("id", permit.id()).bind("number", permit.validity().number())
                .bind("code", permit.enterpriseCode()).bind("name", permit.holderName().toLowerCase())
                .bind("district", permit.district()).bind("class", permit.permitClass().name())
                .then();
    }

    Flux<Permit> forEnterprise(String enterpriseCode, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE enterprise_code = :code"
                        + " ORDER BY created_at DESC LIMIT :limit OFFSET :offset")
                .bind("code", enterpriseCode).bind("limit", limit).bind("offset", offset)
                .map(this::read).all();
    }

    Mono<Long> countForEnterprise(String enterpriseCode) {
        return db.sql("SELECT count(*) AS n FROM permit WHERE enterprise_code = :code").bind("code", enterpriseCode)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Open applications of one kind for a holder (or for one permit's renewal). */
    Mono<Boolean> hasOpenApplication(String enterpriseCode, ApplicationKind kind, UUID renews) {
        return db.sql("""
                        SELECT 1 FROM permit WHERE enterprise_code = :code AND kind = :kind
                          AND renews IS NOT DISTINCT FROM :renews
                          AND status IN ('DRAFT', 'SUBMITTED', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'SITE_CHECK')
                        LIMIT 1""")
                .bind("code", enterpriseCode).bind("kind", kind.name())
                .bind("renews", Parameter.fromOrEmpty(renews, UUID.class))
                .map(row -> true).one().defaultIfEmpty(false);
    }

    Mono<Boolean> hasNumberedPermit(String enterpriseCode) {
        return db.sql("SELECT 1 FROM permit WHERE enterprise_code = :code AND number IS NOT NULL LIMIT 1")
                .bind("code", enterpriseCode).map(row -> true).one().defaultIfEmpty(false);
    }

    Flux<Permit> issuedFor(String enterpriseCode) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE enterprise_code = :code AND status = 'ISSUED'"
                        + " ORDER BY valid_from")
                .bind("code", enterpriseCode).map(this::read).all();
    }

    Mono<Permit> issuedRenewalOf(UUID permitId) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE renews = :id AND status = 'ISSUED' LIMIT 1")
                .bind("id", permitId).map(this::read).one();
    }

    /** Applications under review, earliest decision deadline first, so overdue ones lead. */
    Flux<Permit> reviewQueue(String district, long offset, int limit) {
        return bindDistrict(db.sql("SELECT " + COLUMNS + " FROM permit WHERE " + UNDER_REVIEW
                        + (district == null ? "" : " AND district = :district")
                        + " ORDER BY decision_due, id LIMIT :limit OFFSET :offset"), district)
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> countReviewQueue(String district) {
        return bindDistrict(db.sql("SELECT count(*) AS n FROM permit WHERE " + UNDER_REVIEW
                + (district == null ? "" : " AND district = :district")), district)
                .map(row -> row.get("n", Long.class)).one();
    }

    Flux<Permit> submittedPastCompleteness(LocalDate today, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = 'SUBMITTED' AND completeness_due < :today"
                        + " ORDER BY completeness_due LIMIT :limit")
                .bind("today", today).bind("limit", limit).map(this::read).all();
    }

    /** Issued permits that end on or before {@code date}: candidates for reminders and expiry. */
    Flux<Permit> issuedEndingBy(LocalDate date, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = 'ISSUED' AND valid_to <= :date"
                        + " ORDER BY valid_to LIMIT :limit")
                .bind("date", date).bind("limit", limit).map(this::read).all();
    }

    /** A page of the directory's matches in number order, with each permit's content for its outlets. */
    /** Stores a change request; false when the permit has a pending one already. */
    Mono<Boolean> insertChangeRequest(PermitRequests.ChangeRequest request) {
        return db.sql("""
                        INSERT INTO permit_change_request (id, permit_id, change, status, requested_by, requested_at)
                        VALUES (:id, :permit, :change, 'PENDING', :by, :at)
                        ON CONFLICT (permit_id) WHERE status = 'PENDING' DO NOTHING""")
                .bind("id", request.id()).bind("permit", request.permitId())
                .bind("change", Json.of(json.writeValueAsString(request.change())))
                .bind("by", request.requestedBy()).bind("at", request.requestedAt())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<PermitRequests.ChangeRequest> pendingChangeRequest(UUID permitId) {
        return db.sql("SELECT * FROM permit_change_request WHERE permit_id = :permit AND status = 'PENDING'")
                .bind("permit", permitId).map(this::readChangeRequest).one();
    }

    Flux<PermitRequests.ChangeRequest> changeRequests(UUID permitId) {
        return db.sql("SELECT * FROM permit_change_request WHERE permit_id = :permit ORDER BY requested_at DESC")
                .bind("permit", permitId).map(this::readChangeRequest).all();
    }

    /** Decides a pending request; false when it was decided meanwhile. */
    Mono<Boolean> decideChangeRequest(UUID requestId, String status, String by, Instant at, String reason) {
        return db.sql("""
                        UPDATE permit_change_request SET status = :status, decided_by = :by, decided_at = :at,
                            reason = :reason
                        WHERE id = :id AND status = 'PENDING'""")
                .bind("id", requestId).bind("status", status).bind("by", by).bind("at", at)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private PermitRequests.ChangeRequest readChangeRequest(Readable row) {
        return new PermitRequests.ChangeRequest(row.get("id", UUID.class), row.get("permit_id", UUID.class),
                json.readValue(row.get("change", Json.class).asString(), PermitRequests.ChangePermit.class),
                row.get("status", String.class), row.get("requested_by", String.class),
                row.get("requested_at", Instant.class), row.get("decided_by", String.class),
                row.get("decided_at", Instant.class), row.get("reason", String.class));
    }

    /** Issued permits ending by {@code date} that still have a reminder to get. */
    Flux<Permit> toRemind(LocalDate date, int closestReminder, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = 'ISSUED' AND valid_to <= :date"
                        + " AND (reminded_days IS NULL OR reminded_days > :closest) ORDER BY valid_to LIMIT :limit")
                .bind("date", date).bind("closest", closestReminder).bind("limit", limit).map(this::read).all();
    }

    Flux<Permit> publicSearch(PublicPermitQuery query, long offset, int limit) {
        return query.bind(db.sql("SELECT " + JOINED_COLUMNS
                        + " FROM (SELECT id, number FROM permit_directory" + query.where()
                        + " ORDER BY number, id LIMIT :limit OFFSET :offset) d JOIN permit p ON p.id = d.id"
                        + " ORDER BY d.number, d.id"))
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    Mono<Long> countPublic(PublicPermitQuery query) {
        return query.bind(db.sql("SELECT count(*) AS n FROM permit_directory" + query.where()))
                .map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Replaces the limits the permit sets, valid from its first day to {@code lastDay}; readings and reports are
     * checked against these rows.
     */
    Mono<Void> syncLimits(Permit permit, LocalDate lastDay) {
        Mono<Void> delete = db.sql("DELETE FROM permit_limit WHERE permit_id = :id").bind("id", permit.id()).then();
        LocalDate until = lastDay.isAfter(permit.validity().validTo()) ? permit.validity().validTo() : lastDay;
        if (until.isBefore(permit.validity().validFrom())) {
            return delete;
        }
        List<Object[]> rows = new ArrayList<>();
        for (PermitContent.Outlet outlet : permit.content().outlets()) {
            for (PermitContent.PermittedPollutant pollutant : outlet.pollutants()) {
                rows.add(new Object[] {outlet.code(), pollutant});
            }
        }
        return delete.thenMany(Flux.fromIterable(rows).concatMap(row -> {
            var pollutant = (PermitContent.PermittedPollutant) row[1];
            return db.sql("""
                            INSERT INTO permit_limit (permit_id, enterprise_code, outlet, pollutant, concentration,
                                                      unit, annual_tonnes, valid_from, valid_to)
                            VALUES (:id, :code, :outlet, :pollutant, :concentration, :unit, :annual, :from, :to)""")
                    .bind("id", permit.id()).bind("code", permit.enterpriseCode())
                    .bind("outlet", row[0]).bind("pollutant", pollutant.pollutant())
                    .bind("concentration", pollutant.concentration().value())
                    .bind("unit", pollutant.concentration().unit())
                    .bind("annual", Parameter.fromOrEmpty(pollutant.annualTonnes(), Double.class))
                    .bind("from", permit.validity().validFrom()).bind("to", until)
                    .then();
        })).then();
    }

    private static GenericExecuteSpec bindDistrict(GenericExecuteSpec spec, String district) {
        return district == null ? spec : spec.bind("district", district);
    }

    private GenericExecuteSpec bindAll(GenericExecuteSpec spec, Permit p) {
        Permit.Review r = p.review();
        Permit.Validity v = p.validity();
        return spec.bind("id", p.id())
                .bind("enterpriseCode", p.enterpriseCode())
                .bind("holderName", p.holderName())
                .bind("district", p.district())
                .bind("permitClass", p.permitClass().name())
                .bind("kind", p.kind().name())
                .bind("renews", Parameter.fromOrEmpty(p.renews(), UUID.class))
                .bind("status", p.status().name())
                .bind("content", Json.of(json.writeValueAsString(p.content())))
                .bind("address", Parameter.fromOrEmpty(p.address(), String.class))
                .bind("legalRepresentative", Parameter.fromOrEmpty(p.legalRepresentative(), String.class))
                .bind("submittedOn", Parameter.fromOrEmpty(r.submittedOn(), LocalDate.class))
                .bind("completenessDue", Parameter.fromOrEmpty(r.completenessDue(), LocalDate.class))
                .bind("acceptedOn", Parameter.fromOrEmpty(r.acceptedOn(), LocalDate.class))
                .bind("deemedAccepted", Parameter.fromOrEmpty(r.deemedAccepted(), Boolean.class))
                .bind("siteCheck", r.siteCheck())
                .bind("decisionDue", Parameter.fromOrEmpty(r.decisionDue(), LocalDate.class))
                .bind("supplementRequest", Parameter.fromOrEmpty(r.supplementRequest(), String.class))
                .bind("decisionReason", Parameter.fromOrEmpty(r.decisionReason(), String.class))
                .bind("number", Parameter.fromOrEmpty(v.number(), String.class))
                .bind("validFrom", Parameter.fromOrEmpty(v.validFrom(), LocalDate.class))
                .bind("validTo", Parameter.fromOrEmpty(v.validTo(), LocalDate.class))
                .bind("endReason", Parameter.fromOrEmpty(p.ending().reason(), String.class))
                .bind("endBasis", Parameter.fromOrEmpty(p.ending().legalBasis(), String.class))
                .bind("remindedDays", Parameter.fromOrEmpty(p.remindedDays(), Integer.class))
                .bind("version", p.version())
                .bind("createdAt", p.createdAt())
                .bind("updatedAt", p.updatedAt());
    }

    private Permit read(Readable row) {
        return new Permit(
                row.get("id", UUID.class),
                row.get("enterprise_code", String.class),
                row.get("holder_name", String.class),
                row.get("district", String.class),
                PermitClass.valueOf(row.get("management_class", String.class)),
                ApplicationKind.valueOf(row.get("kind", String.class)),
                row.get("renews", UUID.class),
                PermitStatus.valueOf(row.get("status", String.class)),
                json.readValue(row.get("content", Json.class).asString(), PermitContent.class),
                row.get("address", String.class),
                row.get("legal_representative", String.class),
                new Permit.Review(row.get("submitted_on", LocalDate.class), row.get("completeness_due", LocalDate.class),
                        row.get("accepted_on", LocalDate.class), row.get("deemed_accepted", Boolean.class),
                        Boolean.TRUE.equals(row.get("site_check", Boolean.class)),
                        row.get("decision_due", LocalDate.class), row.get("supplement_request", String.class),
                        row.get("decision_reason", String.class)),
                new Permit.Validity(row.get("number", String.class), row.get("valid_from", LocalDate.class),
                        row.get("valid_to", LocalDate.class)),
                new Permit.Ending(row.get("end_reason", String.class), row.get("end_basis", String.class)),
                row.get("reminded_days", Integer.class),
                row.get("version", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
