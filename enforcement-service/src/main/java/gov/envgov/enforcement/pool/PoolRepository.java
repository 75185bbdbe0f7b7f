package gov.envgov.enforcement.pool;

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

    private final DatabaseClient db;

    PoolRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<PoolEntity> find(String code) {
        return db.sql("SELECT code, name, district, industry_code, management_class, version FROM pool_entity"
                        + " WHERE code = :code")
                .bind("code", code).map(PoolRepository::read).one();
    }

    /** Units of one district and/or management class (either may be null), ordered by code. */
    public Flux<PoolEntity> list(String district, String managementClass, long offset, int limit) {
        return db.sql("""
                        SELECT code, name, district, industry_code, management_class, version FROM pool_entity
                        WHERE (CAST(:district AS text) IS NULL OR district = :district)
                          AND (CAST(:class AS text) IS NULL OR management_class = :class)
                        ORDER BY code LIMIT :limit OFFSET :offset""")
                .bind("district", Parameter.fromOrEmpty(district, String.class))
                .bind("class", Parameter.fromOrEmpty(managementClass, String.class))
                .bind("limit", limit)
                .bind("offset", offset)
                .map(PoolRepository::read).all();
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

    Mono<Void> upsert(PoolEntity entity) {
        return db.sql("""
                        INSERT INTO pool_entity (code, name, district, industry_code, management_class, version)
                        VALUES (:code, :name, :district, :industryCode, :class, :version)
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

    private static PoolEntity read(Readable row) {
        return new PoolEntity(row.get("code", String.class), row.get("name", String.class),
                row.get("district", String.class), row.get("industry_code", String.class),
                row.get("management_class", String.class), row.get("version", Long.class));
    }
}
