package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class ComplaintRepository {

    private static final String COLUMNS = """
            id, tracking_code, filed_by, channel, category, description, district, enterprise_code, address,
            longitude, latitude, status, registered_at, version""";

    private final DatabaseClient db;

    ComplaintRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(Complaint c) {
        return db.sql("INSERT INTO complaint (" + COLUMNS + """
                        ) VALUES (:id, :trackingCode, :filedBy, :channel, :category, :description, :district,
                                  :enterpriseCode, :address, :longitude, :latitude, :status, :registeredAt, :version)""")
                .bind("id", c.id())
                .bind("trackingCode", c.trackingCode())
                .bind("filedBy", c.filedBy())
                .bind("channel", c.channel().name())
                .bind("category", c.category().name())
                .bind("description", c.description())
                .bind("district", c.district())
                .bind("enterpriseCode", Parameter.fromOrEmpty(c.enterpriseCode(), String.class))
                .bind("address", Parameter.fromOrEmpty(c.address(), String.class))
                .bind("longitude", Parameter.fromOrEmpty(c.location() == null ? null : c.location().longitude(),
                        Double.class))
                .bind("latitude", Parameter.fromOrEmpty(c.location() == null ? null : c.location().latitude(),
                        Double.class))
                .bind("status", c.status().name())
                .bind("registeredAt", c.registeredAt())
                .bind("version", c.version())
                .then();
    }

    Mono<Complaint> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM complaint WHERE id = :id").bind("id", id)
                .map(ComplaintRepository::read).one();
    }

    /** Complaints filed by one subject, or all when {@code filedBy} is null; newest first. */
    Flux<Complaint> list(String filedBy, long offset, int limit) {
        var spec = db.sql("SELECT " + COLUMNS + " FROM complaint" + (filedBy == null ? "" : " WHERE filed_by = :by")
                + " ORDER BY registered_at DESC, id LIMIT :limit OFFSET :offset");
        if (filedBy != null) {
            spec = spec.bind("by", filedBy);
        }
        return spec.bind("limit", limit).bind("offset", offset).map(ComplaintRepository::read).all();
    }

    Mono<Long> count(String filedBy) {
        var spec = db.sql("SELECT count(*) AS n FROM complaint" + (filedBy == null ? "" : " WHERE filed_by = :by"));
        if (filedBy != null) {
            spec = spec.bind("by", filedBy);
        }
        return spec.map(row -> row.get("n", Long.class)).one();
    }

    private static Complaint read(Readable row) {
        Double longitude = row.get("longitude", Double.class);
        Double latitude = row.get("latitude", Double.class);
        return new Complaint(
                row.get("id", UUID.class),
                row.get("tracking_code", String.class),
                row.get("filed_by", String.class),
                Channel.valueOf(row.get("channel", String.class)),
                Category.valueOf(row.get("category", String.class)),
                row.get("description", String.class),
                row.get("district", String.class),
                row.get("enterprise_code", String.class),
                row.get("address", String.class),
                longitude == null || latitude == null ? null : new Location(longitude, latitude),
                ComplaintStatus.valueOf(row.get("status", String.class)),
                row.get("registered_at", Instant.class),
                row.get("version", Long.class));
    }
}
