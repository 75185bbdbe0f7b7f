package gov.envgov.enforcement.pool;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class PoolRepository {

    private static final String UNIT = "code, name, district, industry_code, management_class, credit_grade,"
            + " positive_list, last_inspected_on, last_inspectors, version";

    private final DatabaseClient db;

    PoolRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<PoolEntity> find(String code) {
        return db.sql("SELECT code, name, district, industry_code, management_class, version FROM pool_entity"
                        + " WHERE code = :code")
                .bind("code", code).map(PoolRepository::read).one();
    }

    /** One unit with what the draws add, for staff. */
    public Mono<PoolUnit> unit(String code) {
        return db.sql("SELECT " + UNIT + " FROM pool_entity WHERE code = :code").bind("code", code)
                .map(PoolRepository::readUnit).one();
    }

    /** Units of one district and/or management class (either may be null), ordered by code. */
    public Flux<PoolUnit> list(String district, String managementClass, long offset, int limit) {
        return db.sql("SELECT " + UNIT + """
                         FROM pool_entity
                        WHERE (CAST(:district AS text) IS NULL OR district = :district)
                          AND (CAST(:class AS text) IS NULL OR management_class = :class)
                        ORDER BY code LIMIT :limit OFFSET :offset""")
                .bind("district", Parameter.fromOrEmpty(district, String.class))
                .bind("class", Parameter.fromOrEmpty(managementClass, String.class))
                .bind("limit", limit)
                .bind("offset", offset)
                .map(PoolRepository::readUnit).all();
    }

    public Mono<Long> count(String district, String managementClass) {
        return db.sql("""
                        SELECT count(*) AS n FROM pool_entity
                        WHERE (CAST(:district AS text) IS NULL OR district = :district)
                          AND (CAST(:class AS text) IS NULL OR management_class = :class)""")
                .bind("district", Parameter.fromOrEmpty(district, String.class))
                .bind("class", Parameter.fromOrEmpty(managementClass, String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Every unit in a draw's scope (a district or the whole city, one management class), in the snapshot's canonical
     * order: by code in byte order, which is what {@code COLLATE "C"} sorts by.
     */
    public Flux<PoolMember> members(String district, String managementClass) {
        return db.sql("""
                        SELECT code, credit_grade, positive_list FROM pool_entity
                        WHERE (CAST(:district AS text) IS NULL OR district = :district)
                          AND management_class = :class
                        ORDER BY code COLLATE "C"
                        """)
                .bind("district", Parameter.fromOrEmpty(district, String.class))
                .bind("class", managementClass)
                .map(row -> new PoolMember(row.get("code", String.class), row.get("credit_grade", String.class),
                        Boolean.TRUE.equals(row.get("positive_list", Boolean.class))))
                .all();
    }

    /** The inspectors of each unit's last inspection (none for a unit never inspected). */
    public Flux<Map.Entry<String, List<UUID>>> lastInspectors(Collection<String> codes) {
        return db.sql("SELECT code, last_inspectors FROM pool_entity WHERE code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> Map.entry(row.get("code", String.class),
                        Arrays.asList(row.get("last_inspectors", UUID[].class))))
                .all();
    }

    /** Whether a unit is on the positive list now; false for a unit the pool does not know. */
    public Mono<Boolean> onPositiveList(String code) {
        return db.sql("SELECT positive_list FROM pool_entity WHERE code = :code").bind("code", code)
                .map(row -> Boolean.TRUE.equals(row.get("positive_list", Boolean.class))).one()
                .defaultIfEmpty(false);
    }

    /** The units of these codes (those the pool knows). */
    public Flux<PoolEntity> findAll(Collection<String> codes) {
        return db.sql("SELECT code, name, district, industry_code, management_class, version FROM pool_entity"
                        + " WHERE code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new)).map(PoolRepository::read).all();
    }

    /** An inspection of the unit ended: when, and by whom (the next inspection goes to others). */
    public Mono<Void> recordInspection(String code, LocalDate on, Collection<UUID> inspectors) {
        return db.sql("UPDATE pool_entity SET last_inspected_on = :on, last_inspectors = :inspectors,"
                        + " updated_at = now() WHERE code = :code")
                .bind("on", on).bind("inspectors", inspectors.toArray(UUID[]::new)).bind("code", code)
                .then();
    }

    /** The positive list's status of a unit, as the positive list decided it. */
    public Mono<Void> markPositiveList(String code, boolean listed) {
        return db.sql("UPDATE pool_entity SET positive_list = :listed, updated_at = now() WHERE code = :code")
                .bind("listed", listed).bind("code", code).then();
    }

    /**
     * A credit grade published for a unit, taken only when it is newer than the one held: a later period, or a later
     * version (a repair) of the same period; the pool's unit (if it is there yet) takes it too. False when the grade
     * is not newer.
     */
    Mono<Boolean> updateCreditGrade(String code, String grade, String period, long version) {
        return db.sql("""
                        INSERT INTO credit_grade (code, grade, period, version, received_at)
                        VALUES (:code, :grade, :period, :version, now())
                        ON CONFLICT (code) DO UPDATE
                            SET grade = excluded.grade, period = excluded.period, version = excluded.version,
                                received_at = excluded.received_at
                            WHERE credit_grade.period < excluded.period
                               OR (credit_grade.period = excluded.period
                                   AND credit_grade.version < excluded.version)""")
                .bind("code", code).bind("grade", grade).bind("period", period).bind("version", version)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false)
                        : db.sql("UPDATE pool_entity SET credit_grade = :grade, updated_at = now() WHERE code = :code")
                        .bind("grade", grade).bind("code", code).then().thenReturn(true));
    }

    Mono<Void> upsert(PoolEntity entity) {
        return db.sql("""
                        INSERT INTO pool_entity (code, name, district, industry_code, management_class, version,
                                                 credit_grade)
                        VALUES (:code, :name, :district, :industryCode, :class, :version,
                                (SELECT grade FROM credit_grade WHERE code = :code))
                        ON CONFLICT (code) DO UPDATE
                            SET name = excluded.name, district = excluded.district,
                                industry_code = excluded.industry_code, management_class = excluded.management_class,
                                version = excluded.version, updated_at = now()
                            WHERE pool_entity.version < excluded.version""")
                .bind("code", entity.code())
                .bind("name", entity.name())
                .bind("district", entity.district())
                .bind("industryCode", Parameter.fromOrEmpty(entity.industryCode(), String.class))
                .bind("class", entity.managementClass())
                .bind("version", entity.version())
                .then();
    }

    private static PoolUnit readUnit(Readable row) {
        return new PoolUnit(row.get("code", String.class), row.get("name", String.class),
                row.get("district", String.class), row.get("industry_code", String.class),
                row.get("management_class", String.class), row.get("credit_grade", String.class),
                Boolean.TRUE.equals(row.get("positive_list", Boolean.class)),
                row.get("last_inspected_on", LocalDate.class),
                Arrays.asList(row.get("last_inspectors", UUID[].class)), row.get("version", Long.class));
    }

    private static PoolEntity read(Readable row) {
        return new PoolEntity(row.get("code", String.class), row.get("name", String.class),
                row.get("district", String.class), row.get("industry_code", String.class),
                row.get("management_class", String.class), row.get("version", Long.class));
    }
}
