package gov.envgov.permit.registration;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code registration} table: every filed version, never changed once filed. */
@Repository
class RegistrationRepository {

    private static final String COLUMNS = """
            enterprise_code, version, number, form, changed_on, refiling_due, late, filed_by, filed_at""";

    private final DatabaseClient db;
    private final JsonMapper json;

    RegistrationRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The latest version filed, 0 when none is. */
    Mono<Integer> latestVersion(String code) {
        return db.sql("SELECT coalesce(max(version), 0) AS v FROM registration WHERE enterprise_code = :code")
                .bind("code", code).map(row -> row.get("v", Integer.class)).one();
    }

    /** Stores a filing; a version filed meanwhile fails it on the primary key. */
    Mono<Void> insert(Registration r) {
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

    /** Every version, newest first. */
    Flux<Registration> versions(String code) {
        return db.sql("SELECT " + COLUMNS + " FROM registration WHERE enterprise_code = :code ORDER BY version DESC")
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
