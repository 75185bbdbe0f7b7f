package gov.envgov.permit.permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.sql.SqlValues;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code permit} and {@code permit_limit} tables, and the public directory ({@code permit_directory}) kept in
 * step with every write. Statuses are bound as sets of names, never written into the SQL.
 */
@Repository
public class PermitRepository {

    private static final String COLUMNS = """
            id, enterprise_code, holder_name, district, management_class, kind, renews, status, content, address,
            legal_representative, submitted_on, completeness_due, accepted_on, deemed_accepted, site_check,
            decision_due, supplement_request, decision_reason, number, valid_from, valid_to, end_reason, end_basis,
            reminded_days, version, created_at, updated_at""";

    private static final Set<PermitStatus> ISSUED = EnumSet.of(PermitStatus.ISSUED);
    private static final Set<PermitStatus> SUBMITTED = EnumSet.of(PermitStatus.SUBMITTED);

    private final DatabaseClient db;
    private final JsonMapper json;

    PermitRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Permit> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE id = :id").bind("id", id).map(this::read).one();
    }

    public Mono<Void> insert(Permit permit) {
        return bindAll(db.sql("INSERT INTO permit (" + COLUMNS + """
                ) VALUES (:id, :enterpriseCode, :holderName, :district, :permitClass, :kind, :renews, :status,
                          :content, :address, :legalRepresentative, :submittedOn, :completenessDue, :acceptedOn,
                          :deemedAccepted, :siteCheck, :decisionDue, :supplementRequest, :decisionReason, :number,
                          :validFrom, :validTo, :endReason, :endBasis, :remindedDays, :version, :createdAt,
                          :updatedAt)"""), permit).then().then(syncDirectory(permit));
    }

    /** Writes the next version; false when the stored version is no longer the one it was derived from. */
    public Mono<Boolean> update(Permit permit) {
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

    public Flux<Permit> forEnterprise(String enterpriseCode, long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE enterprise_code = :code"
                        + " ORDER BY created_at DESC LIMIT :limit OFFSET :offset")
                .bind("code", enterpriseCode).bind("limit", limit).bind("offset", offset)
                .map(this::read).all();
    }

    /** Every permit and application of a holder, newest first; a holder has a handful. */
    public Flux<Permit> allForEnterprise(String enterpriseCode) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE enterprise_code = :code ORDER BY created_at DESC")
                .bind("code", enterpriseCode).map(this::read).all();
    }

    public Mono<Long> countForEnterprise(String enterpriseCode) {
        return db.sql("SELECT count(*) AS n FROM permit WHERE enterprise_code = :code").bind("code", enterpriseCode)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Open applications of one kind for a holder (or for one permit's renewal). */
    public Mono<Boolean> hasOpenApplication(String enterpriseCode, ApplicationKind kind, UUID renews) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM permit WHERE enterprise_code = :code AND kind = :kind
                          AND renews IS NOT DISTINCT FROM :renews AND status = ANY(:statuses)) AS found""")
                .bind("code", enterpriseCode).bind("kind", kind.name())
                .bind("renews", Parameter.fromOrEmpty(renews, UUID.class))
                .bind("statuses", SqlValues.names(PermitStatus.OPEN))
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class))).one();
    }

    /** The open application of this kind (the one that blocks another), if there is one. */
    public Mono<Permit> openApplication(String enterpriseCode, ApplicationKind kind, UUID renews) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE enterprise_code = :code AND kind = :kind"
                        + " AND renews IS NOT DISTINCT FROM :renews AND status = ANY(:statuses)"
                        + " ORDER BY created_at, id LIMIT 1")
                .bind("code", enterpriseCode).bind("kind", kind.name())
                .bind("renews", Parameter.fromOrEmpty(renews, UUID.class))
                .bind("statuses", SqlValues.names(PermitStatus.OPEN))
                .map(this::read).one();
    }

    /** The last day any permit of the enterprise was revoked (撤销) or withdrawn (吊销), if one was. */
    public Mono<LocalDate> lastRevokedOrWithdrawn(String enterpriseCode, java.time.ZoneId zone) {
        return db.sql("SELECT max(updated_at) AS ended FROM permit WHERE enterprise_code = :code"
                        + " AND status = ANY(:statuses)")
                .bind("code", enterpriseCode)
                .bind("statuses", SqlValues.names(EnumSet.of(PermitStatus.REVOKED, PermitStatus.WITHDRAWN)))
                .map(row -> Optional.ofNullable(row.get("ended", java.time.Instant.class)))
                .one()
                .flatMap(ended -> Mono.justOrEmpty(ended.map(at -> LocalDate.ofInstant(at, zone))));
    }

    public Mono<Boolean> hasNumberedPermit(String enterpriseCode) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM permit WHERE enterprise_code = :code AND number IS NOT NULL)"
                        + " AS found")
                .bind("code", enterpriseCode).map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class))).one();
    }

    public Flux<Permit> issuedFor(String enterpriseCode) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE enterprise_code = :code AND status = ANY(:statuses)"
                        + " ORDER BY valid_from")
                .bind("code", enterpriseCode).bind("statuses", SqlValues.names(ISSUED)).map(this::read).all();
    }

    /** The issued renewal of a permit; there is at most one (a second is refused while one is open or issued). */
    public Mono<Permit> issuedRenewalOf(UUID permitId) {
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE renews = :id AND status = ANY(:statuses)")
                .bind("id", permitId).bind("statuses", SqlValues.names(ISSUED)).map(this::read).one();
    }

    /** Applications under review, earliest decision deadline first, so overdue ones lead. */
    public Flux<Permit> reviewQueue(String district, long offset, int limit) {
        return bindDistrict(db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = ANY(:statuses)"
                        + (district == null ? "" : " AND district = :district")
                        + " ORDER BY decision_due, id LIMIT :limit OFFSET :offset"), district)
                .bind("statuses", SqlValues.names(PermitStatus.UNDER_REVIEW))
                .bind("limit", limit).bind("offset", offset).map(this::read).all();
    }

    public Mono<Long> countReviewQueue(String district) {
        return bindDistrict(db.sql("SELECT count(*) AS n FROM permit WHERE status = ANY(:statuses)"
                + (district == null ? "" : " AND district = :district")), district)
                .bind("statuses", SqlValues.names(PermitStatus.UNDER_REVIEW))
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Submitted applications whose completeness period ended before {@code today}, in deadline order. */
    public Flux<Permit> submittedPastCompleteness(LocalDate today, Optional<Permit> after, int limit) {
        return bindAfter(db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = ANY(:statuses)"
                        + " AND completeness_due < :today" + after(after, "completeness_due")
                        + " ORDER BY completeness_due, id LIMIT :limit"), after, p -> p.review().completenessDue())
                .bind("statuses", SqlValues.names(SUBMITTED)).bind("today", today).bind("limit", limit)
                .map(this::read).all();
    }

    /** Issued permits that end on or before {@code date}: candidates for expiry, in end order. */
    public Flux<Permit> issuedEndingBy(LocalDate date, Optional<Permit> after, int limit) {
        return bindAfter(db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = ANY(:statuses)"
                        + " AND valid_to <= :date" + after(after, "valid_to") + " ORDER BY valid_to, id LIMIT :limit"),
                after, p -> p.validity().validTo())
                .bind("statuses", SqlValues.names(ISSUED)).bind("date", date).bind("limit", limit).map(this::read).all();
    }

    /** Issued permits ending by {@code date} that still have a reminder to get, in end order. */
    public Flux<Permit> toRemind(LocalDate date, int closestReminder, Optional<Permit> after, int limit) {
        return bindAfter(db.sql("SELECT " + COLUMNS + " FROM permit WHERE status = ANY(:statuses)"
                        + " AND valid_to <= :date AND (reminded_days IS NULL OR reminded_days > :closest)"
                        + after(after, "valid_to") + " ORDER BY valid_to, id LIMIT :limit"),
                after, p -> p.validity().validTo())
                .bind("statuses", SqlValues.names(ISSUED)).bind("date", date).bind("closest", closestReminder)
                .bind("limit", limit).map(this::read).all();
    }

    /** The permits of the given ids, in the order of the ids; ids of no permit are left out. */
    public Flux<Permit> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        return db.sql("SELECT " + COLUMNS + " FROM permit WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new)).map(this::read).all()
                .sort(Comparator.comparing(permit -> order.get(permit.id())));
    }

    /**
     * Replaces the limits the permit sets, valid from its first day to {@code lastDay}; readings and reports are
     * checked against these rows.
     */
    public Mono<Void> syncLimits(Permit permit, LocalDate lastDay) {
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
                                                      unit, standard, annual_tonnes, valid_from, valid_to)
                            VALUES (:id, :code, :outlet, :pollutant, :concentration, :unit, :standard, :annual, :from,
                                    :to)""")
                    .bind("id", permit.id()).bind("code", permit.enterpriseCode())
                    .bind("outlet", row[0]).bind("pollutant", pollutant.pollutant())
                    .bind("concentration", pollutant.concentration().value())
                    .bind("unit", pollutant.concentration().unit())
                    .bind("standard", pollutant.concentration().standard())
                    .bind("annual", Parameter.fromOrEmpty(pollutant.annualTonnes(), Double.class))
                    .bind("from", permit.validity().validFrom()).bind("to", until)
                    .then();
        })).then();
    }

    private static GenericExecuteSpec bindDistrict(GenericExecuteSpec spec, String district) {
        return district == null ? spec : spec.bind("district", district);
    }

    /** The condition for the rows after the one a batch continues from, in the order of a date column and id. */
    private static String after(Optional<Permit> after, String dateColumn) {
        return after.isEmpty() ? "" : " AND (" + dateColumn + ", id) > (:afterKey, :afterId)";
    }

    private static GenericExecuteSpec bindAfter(GenericExecuteSpec spec, Optional<Permit> after,
                                                Function<Permit, LocalDate> key) {
        return after.map(row -> spec.bind("afterKey", key.apply(row)).bind("afterId", row.id())).orElse(spec);
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
                new Permit.Review(row.get("submitted_on", LocalDate.class),
                        row.get("completeness_due", LocalDate.class), row.get("accepted_on", LocalDate.class),
                        row.get("deemed_accepted", Boolean.class),
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
