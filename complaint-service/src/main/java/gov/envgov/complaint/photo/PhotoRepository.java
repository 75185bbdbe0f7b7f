package gov.envgov.complaint.photo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code complaint_photo} table: the photos of each complaint with their content and SHA-256. */
@Repository
class PhotoRepository {

    private final DatabaseClient db;

    PhotoRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(UUID complaintId, Photos.PhotoInfo info, byte[] data, String uploadedBy) {
        return db.sql("""
                        INSERT INTO complaint_photo (id, complaint_id, content_type, size_bytes, sha256, data,
                                                     uploaded_by, uploaded_at)
                        VALUES (:id, :complaint, :type, :size, :hash, :data, :by, :at)""")
                .bind("id", info.id()).bind("complaint", complaintId).bind("type", info.contentType())
                .bind("size", info.sizeBytes()).bind("hash", info.sha256()).bind("data", ByteBuffer.wrap(data))
                .bind("by", uploadedBy).bind("at", info.uploadedAt())
                .then();
    }

    Flux<Photos.PhotoInfo> list(UUID complaintId) {
        return db.sql("""
                        SELECT id, content_type, size_bytes, sha256, uploaded_at FROM complaint_photo
                        WHERE complaint_id = :id ORDER BY uploaded_at""")
                .bind("id", complaintId)
                .map(row -> new Photos.PhotoInfo(row.get("id", UUID.class), row.get("content_type", String.class),
                        row.get("size_bytes", Integer.class), row.get("sha256", String.class),
                        row.get("uploaded_at", Instant.class)))
                .all();
    }

    Mono<Photos.Photo> find(UUID complaintId, UUID photoId) {
        return db.sql("SELECT content_type, data FROM complaint_photo WHERE id = :photo AND complaint_id = :id")
                .bind("photo", photoId).bind("id", complaintId)
                .map(row -> {
                    ByteBuffer buffer = row.get("data", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new Photos.Photo(row.get("content_type", String.class), bytes);
                })
                .one();
    }

    Mono<Long> count(UUID complaintId) {
        return db.sql("SELECT count(*) AS n FROM complaint_photo WHERE complaint_id = :id").bind("id", complaintId)
                .map(row -> row.get("n", Long.class)).one();
    }

    Mono<Photos.Owned> find(UUID photoId) {
        return db.sql("SELECT complaint_id, content_type, data FROM complaint_photo WHERE id = :photo")
                .bind("photo", photoId)
                .map(row -> {
                    ByteBuffer buffer = row.get("data", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new Photos.Owned(row.get("complaint_id", UUID.class),
                            new Photos.Photo(row.get("content_type", String.class), bytes));
                })
                .one();
    }

    /** The first photo (by upload time) of each of the complaints that has one. */
    Mono<Map<UUID, UUID>> firstOf(List<UUID> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT DISTINCT ON (complaint_id) complaint_id, id FROM complaint_photo
                        WHERE complaint_id = ANY(:ids) ORDER BY complaint_id, uploaded_at, id""")
                .bind("ids", complaintIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("complaint_id", UUID.class), row.get("id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
