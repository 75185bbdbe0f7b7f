package gov.envgov.complaint.photo;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class PhotoController {

    private final Photos photos;
    private final PhotoProperties photoLimits;

    PhotoController(Photos photos, PhotoProperties photoLimits) {
        this.photos = photos;
        this.photoLimits = photoLimits;
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a photo (JPEG or PNG, decoded and re-encoded without metadata such as EXIF GPS; "
            + "stored with its SHA-256); 400 when it is no decodable image")
    Mono<Photos.PhotoInfo> addPhoto(@PathVariable UUID id, @RequestPart("file") Mono<FilePart> file,
                                    Authentication authentication) {
        return PhotoUploadRequest.bytes(file, photoLimits.maxBytes())
                .flatMap(bytes -> photos.add(id, bytes, CurrentUser.from(authentication)))
                .onErrorMap(PhotoUploadRequest::notAnImageAsBadRequest);
    }

    @GetMapping("/{id}/photos")
    @Operation(summary = "The photos of a complaint")
    Flux<Photos.PhotoInfo> photos(@PathVariable UUID id, Authentication authentication) {
        return photos.list(id, CurrentUser.from(authentication));
    }

    @GetMapping("/{id}/photos/{photoId}")
    @Operation(summary = "One photo")
    Mono<ResponseEntity<byte[]>> photo(@PathVariable UUID id, @PathVariable UUID photoId,
                                       Authentication authentication) {
        return photos.get(id, photoId, CurrentUser.from(authentication))
                .map(photo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                        .header("X-Content-Type-Options", "nosniff").body(photo.data()));
    }
}
