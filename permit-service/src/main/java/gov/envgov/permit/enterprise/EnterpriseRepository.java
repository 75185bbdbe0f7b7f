package gov.envgov.permit.enterprise;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import gov.envgov.support.web.SearchText;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class EnterpriseRepository {

    private static final String COLUMNS = """
            code, name, district, industry_code, management_class, address, longitude, latitude,
            contact_name, contact_phone, contact_email, version, registered_at, changed_at""";

    private final DatabaseClient db;

    EnterpriseRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Enterprise> find(String code) {
        return db.sql("SELECT " + COLUMNS + " FROM enterprise WHERE code = :code")
                .bind("code", code)
                .map(EnterpriseRepository::read)
                .one();
    }

    Mono<Boolean> exists(String code) {
        return db.sql("SELECT 1 FROM enterprise WHERE code = :code").bind("code", code)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** Inserts a new enterprise; false when the code is already registered. */
    Mono<Boolean> insert(Enterprise enterprise) {
        return bindAll(db.sql("INSERT INTO enterprise (" + COLUMNS + """
                        ) VALUES (:code, :name, :district, :industryCode, :managementClass, :address, :longitude,
                                  :latitude, :contactName, :contactPhone, :contactEmail, :version, :registeredAt,
                                  :changedAt)
                        ON CONFLICT (code) DO NOTHING"""), enterprise)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * Inserts many new enterprises with one statement (PERF-BULK-IMPORT); emits the codes that were not registered
     * yet. A code twice in the list is inserted once, from its first row. Keep the list to about a thousand rows: each
     * row binds fourteen values and a statement takes at most 65,535.
     */
    Flux<String> insertAll(List<Enterprise> batch) {
        if (batch.isEmpty()) {
            return Flux.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO enterprise (" + COLUMNS + ") VALUES ");
        // One map bound at once: each bind() copies all earlier values, which is quadratic for a batch.
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String n = String.valueOf(i);
            sql.append(i == 0 ? "" : ", ").append("""
                    (:code#, :name#, :district#, :industryCode#, :managementClass#, :address#, :longitude#,
                     :latitude#, :contactName#, :contactPhone#, :contactEmail#, :version#, :registeredAt#,
                     :changedAt#)""".replace("#", n));
            parameters(batch.get(i)).forEach((name, value) -> values.put(name + n, value));
        }
        sql.append(" ON CONFLICT (code) DO NOTHING RETURNING code");
        return db.sql(sql.toString()).bindValues(values).map(row -> row.get("code", String.class)).all();
    }

    /** Writes the next version; false when the stored version is no longer the one it was derived from. */
    Mono<Boolean> update(Enterprise enterprise) {
        return bindAll(db.sql("""
                        UPDATE enterprise SET name = :name, district = :district, industry_code = :industryCode,
                            management_class = :managementClass, address = :address, longitude = :longitude,
                            latitude = :latitude, contact_name = :contactName, contact_phone = :contactPhone,
                            contact_email = :contactEmail, version = :version, registered_at = :registeredAt,
                            changed_at = :changedAt
                        WHERE code = :code AND version = :version - 1"""), enterprise)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    Flux<Enterprise> search(EnterpriseQuery query, long offset, int limit) {
        return bind(db.sql("SELECT " + COLUMNS + " FROM enterprise" + where(query)
                        + " ORDER BY code LIMIT :limit OFFSET :offset"), query)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(EnterpriseRepository::read)
                .all();
    }

    Mono<Long> count(EnterpriseQuery query) {
        return bind(db.sql("SELECT count(*) AS n FROM enterprise" + where(query)), query)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    private static String where(EnterpriseQuery query) {
        StringBuilder where = new StringBuilder();
        if (query.hasText()) {
            where.append(" AND (lower(name) LIKE :text OR code LIKE :codePrefix)");
        }
        if (query.district() != null) {
            where.append(" AND district = :district");
        }
        if (query.managementClass() != null) {
            where.append(" AND management_class = :class");
        }
        return where.isEmpty() ? "" : " WHERE" + where.substring(" AND".length());
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, EnterpriseQuery query) {
        GenericExecuteSpec bound = spec;
        if (query.hasText()) {
            bound = bound.bind("text", SearchText.contains(query.text()))
                    .bind("codePrefix", SearchText.codePrefix(query.text()));
        }
        if (query.district() != null) {
            bound = bound.bind("district", query.district());
        }
        if (query.managementClass() != null) {
            bound = bound.bind("class", query.managementClass().name());
        }
        return bound;
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Enterprise e) {
        return spec.bindValues(parameters(e));
    }

    /** An enterprise's values by parameter name; absent optional values are typed nulls. */
    private static Map<String, Object> parameters(Enterprise e) {
        GeoPoint location = e.location();
        Contact contact = e.contact();
        Map<String, Object> values = new HashMap<>();
        values.put("code", e.code());
        values.put("name", e.name());
        values.put("district", e.district());
        values.put("industryCode", Parameter.fromOrEmpty(e.industryCode(), String.class));
        values.put("managementClass", e.managementClass().name());
        values.put("address", Parameter.fromOrEmpty(e.address(), String.class));
        values.put("longitude", Parameter.fromOrEmpty(location == null ? null : location.longitude(), Double.class));
        values.put("latitude", Parameter.fromOrEmpty(location == null ? null : location.latitude(), Double.class));
        values.put("contactName", Parameter.fromOrEmpty(contact == null ? null : contact.name(), String.class));
        values.put("contactPhone", Parameter.fromOrEmpty(contact == null ? null : contact.phone(), String.class));
        values.put("contactEmail", Parameter.fromOrEmpty(contact == null ? null : contact.email(), String.class));
        values.put("version", e.version());
        values.put("registeredAt", e.registeredAt());
        values.put("changedAt", e.changedAt());
        return values;
    }

    private static Enterprise read(Readable row) {
        Double longitude = row.get("longitude", Double.class);
        Double latitude = row.get("latitude", Double.class);
        String contactName = row.get("contact_name", String.class);
        String contactPhone = row.get("contact_phone", String.class);
        String contactEmail = row.get("contact_email", String.class);
        return new Enterprise(
                row.get("code", String.class),
                row.get("name", String.class),
                row.get("district", String.class),
                row.get("industry_code", String.class),
                ManagementClass.valueOf(row.get("management_class", String.class)),
                row.get("address", String.class),
                longitude == null || latitude == null ? null : new GeoPoint(longitude, latitude),
                contactName == null && contactPhone == null && contactEmail == null ? null
                        : new Contact(contactName, contactPhone, contactEmail),
                row.get("version", Long.class),
                row.get("registered_at", Instant.class),
                row.get("changed_at", Instant.class));
    }
}
