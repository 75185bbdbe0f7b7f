package gov.envgov.complaint.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Photos of a complaint: whoever may read the complaint may see them; its filer and operators may add them. */
@Service
public class Photos {

    private final ComplaintStore complaints;
    private final PhotoRepository photos;
    private final AuditTrail audit;
    private final PhotoProperties limits;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    Photos(ComplaintStore complaints, PhotoRepository photos, AuditTrail audit, PhotoProperties limits,
           TransactionalOperator transactions, BureauTime time) {
        this.complaints = complaints;
        this.photos = photos;
        this.audit = audit;
        this.limits = limits;
        this.transactions = transactions;
        this.time = time;
    }

    public record PhotoInfo(UUID id, String contentType, int sizeBytes, String sha256, Instant uploadedAt) {
    }

    public record Photo(String contentType, byte[] data) {
    }

    public Mono<PhotoInfo> add(UUID complaintId, byte[] data, CurrentUser uploader) {
        return checked(data).flatMap(clean -> complaints.visibleTo(complaintId, uploader)
                .filter(complaint -> uploader.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                        || complaint.filedBy(uploader.subject()))
                .switchIfEmpty(Mono.error(new DomainException.Forbidden("only the filer or an operator adds photos")))
                .then(stored(complaintId, clean, uploader.subject(), uploader.username())));
    }

    /** A photo checked and re-encoded before anything is registered, so a bad one refuses the whole request. */
    public Mono<PhotoImages.Clean> checkedPhoto(byte[] data) {
        return checked(data);
    }

    /** A photo an Open311 client sent as {@code media} with the request it has just filed. */
    public Mono<PhotoInfo> addFromClient(UUID complaintId, PhotoImages.Clean photo, String client) {
        return stored(complaintId, photo, client, client);
    }

    /** The first photo of each complaint that has one, for Open311's {@code media_url}. */
    public Mono<Map<UUID, UUID>> firstPhotos(List<UUID> complaintIds) {
        return photos.firstOf(complaintIds);
    }

    /** One photo by its id alone with the complaint it belongs to; the caller decides whether it is public. */
    public Mono<Photos.Owned> publicCandidate(UUID photoId) {
        return photos.find(photoId);
    }

    /** A photo and the complaint it belongs to. */
    public record Owned(UUID complaintId, Photo photo) {
    }

    /**
     * A photo from the anonymous filer of a complaint, who has proved it by the complaint's tracking code and
     * secret (the caller checks them): the same limits as any other photo.
     */
    public Mono<PhotoInfo> addForTrackedFiler(UUID complaintId, byte[] data) {
        return checked(data).flatMap(clean -> stored(complaintId, clean, ANONYMOUS_FILER, ANONYMOUS_FILER));
    }

    static final String ANONYMOUS_FILER = "anonymous";

    /** The photo decoded and re-encoded without metadata, or the refusal: too large, or not a decodable image. */
    private Mono<PhotoImages.Clean> checked(byte[] data) {
        if (data.length > limits.maxBytes()) {
            return Mono.error(new DomainException.RuleViolation("photo-too-large", "file",
                    "a photo may have at most " + limits.maxBytes() + " bytes"));
        }
        // Decoding is CPU work on up to max-bytes of input: off the event loop.
        return Mono.fromCallable(() -> PhotoImages.reencode(data, limits.maxPixels()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<PhotoInfo> stored(UUID complaintId, PhotoImages.Clean clean, String subject, String username) {
        String type = clean.contentType();
        byte[] data = clean.data();
        return photos.count(complaintId)
                .flatMap(count -> count >= limits.maxPerComplaint()
                        ? Mono.error(new DomainException.RuleViolation("too-many-photos", "file",
                                "a complaint has at most " + limits.maxPerComplaint() + " photos"))
                        : store(complaintId, type, data, subject, username));
    }

    private Mono<PhotoInfo> store(UUID complaintId, String type, byte[] data, String subject, String username) {
        PhotoInfo info = new PhotoInfo(UUID.randomUUID(), type, data.length, sha256(data), time.now());
        return transactions.transactional(photos.insert(complaintId, info, data, subject)
                .then(audit.record(username, "add-photo", ComplaintStore.AUDIT_TYPE, complaintId.toString(),
                        Map.of("sha256", info.sha256())))
                .thenReturn(info));
    }

    public Flux<PhotoInfo> list(UUID complaintId, CurrentUser reader) {
        return complaints.visibleTo(complaintId, reader).thenMany(photos.list(complaintId));
    }

    public Mono<Photo> get(UUID complaintId, UUID photoId, CurrentUser reader) {
        return complaints.visibleTo(complaintId, reader).then(photos.find(complaintId, photoId)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("photo", photoId.toString()))));
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
