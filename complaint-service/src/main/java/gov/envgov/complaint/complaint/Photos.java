package gov.envgov.complaint.complaint;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Photos of a complaint: whoever may read the complaint may see them; its filer and operators may add them. */
@Service
public class Photos {

    private final ComplaintService complaints;
    private final DatabaseClient db;
    private final AuditTrail audit;
    private final PhotoProperties limits;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Photos(ComplaintService complaints, DatabaseClient db, AuditTrail audit, PhotoProperties limits,
           TransactionalOperator transactions, Clock clock) {
        this.complaints = complaints;
        this.db = db;
        this.audit = audit;
        this.limits = limits;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record PhotoInfo(UUID id, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {
    }

    public record Photo(String contentType, byte[] data) {
    }

    public Mono<PhotoInfo> add(UUID complaintId, byte[] data, CurrentUser uploader) {
        if (data.length > limits.maxBytes()) {
            return Mono.error(new DomainException.RuleViolation("photo-too-large", "file",
                    "a photo may have at most " + limits.maxBytes() + " bytes"));
        }
        String type = contentType(data).orElse(null);
        if (type == null) {
            return Mono.error(new DomainException.RuleViolation("photo-type", "file",
                    "a photo must be a JPEG, PNG or WebP image"));
        }
        return complaints.visibleTo(complaintId, uploader)
                .filter(complaint -> uploader.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                        || complaint.filedBy(uploader.subject()))
                .switchIfEmpty(Mono.error(new DomainException.Forbidden("only the filer or an operator adds photos")))
                .then(count(complaintId))
                .flatMap(count -> count >= limits.maxPerComplaint()
                        ? Mono.error(new DomainException.RuleViolation("too-many-photos", "file",
                                "a complaint has at most " + limits.maxPerComplaint() + " photos"))
                        : store(complaintId, type, data, uploader));
    }

    private Mono<PhotoInfo> store(UUID complaintId, String type, byte[] data, CurrentUser uploader) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String hash = sha256(data);
        return transactions.transactional(db.sql("""
                        INSERT INTO complaint_photo (id, complaint_id, content_type, size_bytes, sha256, data,
                                                     uploaded_by, uploaded_at)
                        VALUES (:id, :complaint, :type, :size, :hash, :data, :by, :at)""")
                .bind("id", id).bind("complaint", complaintId).bind("type", type).bind("size", data.length)
                .bind("hash", hash).bind("data", ByteBuffer.wrap(data)).bind("by", uploader.subject())
                .bind("at", now)
                .then()
                .then(audit.record(uploader.username(), "add-photo", "complaint", complaintId.toString(),
                        Map.of("sha256", hash)))
                .thenReturn(new PhotoInfo(id, type, data.length, hash, now)));
    }

    public Flux<PhotoInfo> list(UUID complaintId, CurrentUser reader) {
        return complaints.visibleTo(complaintId, reader).thenMany(db.sql("""
                        SELECT id, content_type, size_bytes, sha256, uploaded_at FROM complaint_photo
                        WHERE complaint_id = :id ORDER BY uploaded_at""")
                .bind("id", complaintId)
                .map(row -> new PhotoInfo(row.get("id", UUID.class), row.get("content_type", String.class),
                        row.get("size_bytes", Integer.class), row.get("sha256", String.class),
                        row.get("uploaded_at", Instant.class)))
                .all());
    }

    public Mono<Photo> get(UUID complaintId, UUID photoId, CurrentUser reader) {
        return complaints.visibleTo(complaintId, reader).then(db.sql("""
                        SELECT content_type, data FROM complaint_photo WHERE id = :photo AND complaint_id = :id""")
                .bind("photo", photoId).bind("id", complaintId)
                .map(row -> {
                    ByteBuffer buffer = row.get("data", ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new Photo(row.get("content_type", String.class), bytes);
                })
                .one()
                .switchIfEmpty(Mono.error(new DomainException.NotFound("photo", photoId.toString()))));
    }

    private Mono<Long> count(UUID complaintId) {
        return db.sql("SELECT count(*) AS n FROM complaint_photo WHERE complaint_id = :id").bind("id", complaintId)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** The image type by its leading bytes; the declared content type is not trusted. */
    static Optional<String> contentType(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (data.length >= 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G'
                && data[4] == 0x0d && data[5] == 0x0a && data[6] == 0x1a && data[7] == 0x0a) {
            return Optional.of("image/png");
        }
        if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F'
                && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
