package gov.envgov.complaint.enterprise;

import java.util.Collection;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/** Reads and maintains the local enterprise directory. */
@Repository
public class EnterpriseDirectory {

    private final DatabaseClient db;

    EnterpriseDirectory(DatabaseClient db) {
        this.db = db;
    }

    public Mono<KnownEnterprise> find(String code) {
        return db.sql("SELECT code, name, district, version FROM enterprise_directory WHERE code = :code")
                .bind("code", code)
                .map(EnterpriseDirectory::read)
                .one();
    }

    /** The known ones of these enterprises by code, read at once (a page of complaints names several). */
    public Mono<Map<String, KnownEnterprise>> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT code, name, district, version FROM enterprise_directory WHERE code = ANY(:codes)")
                .bind("codes", codes.stream().distinct().toArray(String[]::new))
                .map(EnterpriseDirectory::read)
                .all()
                .collectMap(KnownEnterprise::code);
    }

    private static KnownEnterprise read(Readable row) {
        return new KnownEnterprise(row.get("code", String.class), row.get("name", String.class),
                row.get("district", String.class), row.get("version", Long.class));
    }

    /** Stores the snapshot unless a newer version is already known (events may be replayed). */
    Mono<Void> upsert(KnownEnterprise enterprise) {
        return db.sql("""
                        INSERT INTO enterprise_directory (code, name, district, version, updated_at)
                        VALUES (:code, :name, :district, :version, now())
                        ON CONFLICT (code) DO UPDATE
                            SET name = excluded.name, district = excluded.district, version = excluded.version,
                                updated_at = now()
                            WHERE enterprise_directory.version < excluded.version""")
                .bind("code", enterprise.code())
                .bind("name", enterprise.name())
                .bind("district", enterprise.district())
                .bind("version", enterprise.version())
                .then();
    }
}
