package gov.envgov.credit.subject;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

@Repository
public class CreditSubjectRepository {

    private final DatabaseClient db;

    CreditSubjectRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<CreditSubject> find(String code) {
        return db.sql("SELECT code, name, district, management_class, version FROM credit_subject WHERE code = :code")
                .bind("code", code)
                .map(row -> new CreditSubject(row.get("code", String.class), row.get("name", String.class),
                        row.get("district", String.class), row.get("management_class", String.class),
                        row.get("version", Long.class)))
                .one();
    }

    Mono<Void> upsert(CreditSubject subject) {
        return db.sql("""
                        INSERT INTO credit_subject (code, name, district, management_class, version)
                        VALUES (:code, :name, :district, :class, :version)
                        ON CONFLICT (code) DO UPDATE
                            SET name = excluded.name, district = excluded.district,
                                management_class = excluded.management_class, version = excluded.version,
                                updated_at = now()
                            WHERE credit_subject.version < excluded.version""")
                .bind("code", subject.code())
                .bind("name", subject.name())
                .bind("district", subject.district())
                .bind("class", subject.managementClass())
                .bind("version", subject.version())
                .then();
    }
}
