package gov.envgov.enforcement.inspector;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class InspectorRepository {

    private static final String COLUMNS = "id, username, name, credential_number, valid_until, district, department,"
            + " active, version";

    private final DatabaseClient db;

    InspectorRepository(DatabaseClient db) {
        this.db = db;
    }

    /** False when the credential number or the username is taken already. */
    Mono<Boolean> insert(Inspector inspector, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", inspector.id());
        values.put("username", Parameter.fromOrEmpty(inspector.username(), String.class));
        values.put("name", inspector.name());
        values.put("credential", inspector.credentialNumber());
        values.put("validUntil", inspector.validUntil());
        values.put("district", Parameter.fromOrEmpty(inspector.district(), String.class));
        values.put("department", inspector.department());
        values.put("active", inspector.active());
        values.put("now", now);
        return db.sql("""
                        INSERT INTO inspector (id, username, name, credential_number, valid_until, district,
                                               department, active, created_at, version)
                        VALUES (:id, :username, :name, :credential, :validUntil, :district, :department, :active,
                                :now, 0)
                        ON CONFLICT DO NOTHING""")
                .bindValues(values).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Inspector> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM inspector WHERE id = :id").bind("id", id)
                .map(InspectorRepository::read).one();
    }

    Mono<Inspector> findByUsername(String username) {
        return db.sql("SELECT " + COLUMNS + " FROM inspector WHERE username = :username")
                .bind("username", username).map(InspectorRepository::read).one();
    }

    /** Inspectors who may be drawn on the day, of one district (county draws) or of all (city draws), by id. */
    Flux<Inspector> credentialed(String district, LocalDate day) {
        return db.sql("SELECT " + COLUMNS + " FROM inspector WHERE active AND valid_until >= :day"
                        + " AND (CAST(:district AS text) IS NULL OR district = :district) ORDER BY id")
                .bind("day", day).bind("district", Parameter.fromOrEmpty(district, String.class))
                .map(InspectorRepository::read).all();
    }

    Flux<Inspector> list(long offset, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM inspector ORDER BY name, id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(InspectorRepository::read).all();
    }

    Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM inspector").map(row -> row.get("n", Long.class)).one();
    }

    /** Declares a relation; declaring the same one again changes nothing. */
    Mono<Void> declare(Relation relation) {
        return db.sql("""
                        INSERT INTO inspector_relation (inspector_id, enterprise_code, kind, note, declared_at,
                                                        declared_by)
                        VALUES (:inspector, :enterprise, :kind, :note, :at, :by)
                        ON CONFLICT DO NOTHING""")
                .bind("inspector", relation.inspectorId()).bind("enterprise", relation.enterpriseCode())
                .bind("kind", relation.kind().name())
                .bind("note", Parameter.fromOrEmpty(relation.note(), String.class))
                .bind("at", relation.declaredAt()).bind("by", relation.declaredBy())
                .then();
    }

    /** The inspectors who declared a relation with any of these enterprises, by enterprise. */
    Flux<Relation> relationsWith(Collection<String> enterpriseCodes) {
        return db.sql("SELECT inspector_id, enterprise_code, kind, note, declared_at, declared_by"
                        + " FROM inspector_relation WHERE enterprise_code = ANY(:codes)")
                .bind("codes", enterpriseCodes.toArray(String[]::new))
                .map(row -> new Relation(row.get("inspector_id", UUID.class), row.get("enterprise_code", String.class),
                        RelationKind.valueOf(row.get("kind", String.class)), row.get("note", String.class),
                        row.get("declared_at", Instant.class), row.get("declared_by", String.class)))
                .all();
    }

    private static Inspector read(Readable row) {
        return new Inspector(row.get("id", UUID.class), row.get("username", String.class),
                row.get("name", String.class), row.get("credential_number", String.class),
                row.get("valid_until", LocalDate.class), row.get("district", String.class),
                row.get("department", String.class), Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("version", Long.class));
    }
}
