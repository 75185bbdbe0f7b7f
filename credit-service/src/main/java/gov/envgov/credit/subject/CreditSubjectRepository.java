package gov.envgov.credit.subject;

import java.util.Collection;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
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

    /** Subjects of these management classes or with these codes. */
    public Flux<CreditSubject> ofClassesOrCodes(Collection<String> classes, Collection<String> codes) {
        return db.sql("SELECT code, name, district, management_class, version FROM credit_subject"
                        + " WHERE management_class = ANY(:classes) OR code = ANY(:codes) ORDER BY code")
                .bind("classes", classes.toArray(String[]::new))
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> new CreditSubject(row.get("code", String.class), row.get("name", String.class),
                        row.get("district", String.class), row.get("management_class", String.class),
                        row.get("version", Long.class)))
                .all();
    }

    /** Registers a subject the enterprise feed does not bring; false when the code is a subject already. */
    Mono<Boolean> insert(CreditSubject subject) {
        return db.sql("""
                        INSERT INTO credit_subject (code, name, district, management_class, version)
                        VALUES (:code, :name, :district, :class, 0)
                        ON CONFLICT (code) DO NOTHING""")
                .bind("code", subject.code()).bind("name", subject.name()).bind("district", subject.district())
                .bind("class", subject.managementClass())
                .fetch().rowsUpdated().map(rows -> rows == 1);
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
