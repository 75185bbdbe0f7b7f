package gov.envgov.complaint.intake;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.complaint.photo.PhotoProperties;
import gov.envgov.complaint.photo.PhotoUploadRequest;
import gov.envgov.complaint.photo.Photos;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/complaints")
@Tag(name = "Public complaint tracking", description = "Anonymous complaints and tracking by code and secret")
class PublicComplaintController {

    private final IntakeService intake;
    private final Photos photos;
    private final PhotoProperties photoLimits;

    PublicComplaintController(IntakeService intake, Photos photos, PhotoProperties photoLimits) {
        this.intake = intake;
        this.photos = photos;
        this.photoLimits = photoLimits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a complaint anonymously; keep the secret to follow it")
    Mono<AnonymousReceipt> fileAnonymously(@Valid @RequestBody FileComplaintRequest request) {
        return intake.fileAnonymously(request);
    }

    @PostMapping(path = "/{trackingCode}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a photo to an anonymous complaint, for whoever holds its tracking code and secret "
            + "(JPEG or PNG, decoded and re-encoded without metadata; stored with its SHA-256); 400 when it is no "
            + "decodable image")
    Mono<Photos.PhotoInfo> addPhoto(@PathVariable String trackingCode,
                                    @RequestHeader(name = "X-Tracking-Secret", required = false)
                                    @Nullable String secret,
                                    @RequestPart("file") Mono<FilePart> file) {
        return intake.trackedId(trackingCode, secret)
                .flatMap(id -> PhotoUploadRequest.bytes(file, photoLimits.maxBytes())
                        .flatMap(bytes -> photos.addForTrackedFiler(id, bytes)))
                .onErrorMap(PhotoUploadRequest::notAnImageAsBadRequest);
    }

    @GetMapping("/{trackingCode}")
    @Operation(summary = "Progress of a complaint, for whoever holds its tracking code and secret")
    Mono<PublicComplaintView> track(@PathVariable String trackingCode,
                                    @RequestHeader(name = "X-Tracking-Secret", required = false)
                                    @Nullable String secret) {
        return intake.track(trackingCode, secret);
    }
}
