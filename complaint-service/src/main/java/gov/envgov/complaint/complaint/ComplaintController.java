package gov.envgov.complaint.complaint;

import java.net.URI;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class ComplaintController {

    private final ComplaintService service;
    private final Photos photos;
    private final PhotoProperties photoLimits;

    ComplaintController(ComplaintService service, Photos photos, PhotoProperties photoLimits) {
        this.service = service;
        this.photos = photos;
        this.photoLimits = photoLimits;
    }

    @PostMapping
    @Operation(summary = "File a complaint (citizen, or a hotline operator for a caller)")
    Mono<ResponseEntity<ComplaintResponse>> file(@Valid @RequestBody FileComplaintRequest request,
                                                 Authentication authentication) {
        return service.file(request, CurrentUser.from(authentication))
                .map(complaint -> ResponseEntity.created(URI.create("/api/complaints/" + complaint.id()))
                        .body(complaint));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one complaint: your own, or any if you work the complaint line")
    Mono<ComplaintResponse> find(@PathVariable UUID id, Authentication authentication) {
        return service.find(id, CurrentUser.from(authentication));
    }

    @GetMapping("/queue")
    @Operation(summary = "Your work queue, earliest due date first: dispatch and follow-up for operators, your unit's "
            + "complaints for handlers")
    Mono<PageResponse<ComplaintResponse>> queue(@Valid PageRequest page, Authentication authentication) {
        return service.queue(CurrentUser.from(authentication), page);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a photo (JPEG, PNG or WebP, checked by content; stored with its SHA-256)")
    Mono<Photos.PhotoInfo> addPhoto(@PathVariable UUID id, @RequestPart("file") Mono<FilePart> file,
                                    Authentication authentication) {
        return file.flatMap(part -> DataBufferUtils.join(part.content(), photoLimits.maxBytes() + 1))
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new DomainException.RuleViolation(
                        "photo-too-large", "file", "a photo may have at most " + photoLimits.maxBytes() + " bytes"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMap(bytes -> photos.add(id, bytes, CurrentUser.from(authentication)));
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

    @PostMapping("/{id}/complainant/reveal")
    @Operation(summary = "The complainant's identity in full, to call back; every reveal is audited")
    Mono<Complainant> revealComplainant(@PathVariable UUID id, Authentication authentication) {
        return service.revealComplainant(id, CurrentUser.from(authentication));
    }

    @GetMapping("/{id}/duplicates")
    @Operation(summary = "Open complaints that may report the same facts (distance, time, category or enterprise, "
            + "text), for the operator to confirm")
    Flux<DuplicateCandidate> duplicates(@PathVariable UUID id, Authentication authentication) {
        return service.duplicates(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/duplicate-of")
    @Operation(summary = "Confirm a duplicate: link it to its master; it is answered when the master is")
    Mono<ComplaintResponse> linkDuplicate(@PathVariable UUID id,
                                          @Valid @RequestBody WorkflowRequests.LinkDuplicate request,
                                          Authentication authentication) {
        return service.linkDuplicate(id, request.masterId(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "Dispatch to a handling unit (转办); without a unit, to the one the routing rules pick")
    Mono<ComplaintResponse> dispatch(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.Dispatch request,
                                     Authentication authentication) {
        return service.dispatch(id, request.unit(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The handling unit accepts the complaint")
    Mono<ComplaintResponse> accept(@PathVariable UUID id, Authentication authentication) {
        return service.accept(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The handling unit returns the complaint to dispatch with a reason (退单)")
    Mono<ComplaintResponse> returnToDispatch(@PathVariable UUID id,
                                             @Valid @RequestBody WorkflowRequests.Return request,
                                             Authentication authentication) {
        return service.returnToDispatch(id, request.reason(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "The handling unit starts handling")
    Mono<ComplaintResponse> start(@PathVariable UUID id, Authentication authentication) {
        return service.startHandling(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/handling")
    @Operation(summary = "Record the result: substantiated or not, and the findings")
    Mono<ComplaintResponse> recordHandling(@PathVariable UUID id,
                                           @Valid @RequestBody WorkflowRequests.RecordHandling request,
                                           Authentication authentication) {
        return service.recordHandling(id, request.substantiated(), request.findings(),
                CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "Answer the complainant")
    Mono<ComplaintResponse> reply(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.Reply request,
                                  Authentication authentication) {
        return service.reply(id, request.text(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "Record the follow-up call (回访); reopen sends it back to the unit (重办)")
    Mono<ComplaintResponse> followUp(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.FollowUp request,
                                     Authentication authentication) {
        return service.followUp(id, request.satisfaction(), request.solved(), Boolean.TRUE.equals(request.reopen()),
                CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Stop the clock while the unit waits on the complainant")
    Mono<ComplaintResponse> pause(@PathVariable UUID id, Authentication authentication) {
        return service.pause(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Run the clock again; the due date moves by the working days it stood still")
    Mono<ComplaintResponse> resume(@PathVariable UUID id, Authentication authentication) {
        return service.resume(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Approve an extension before the due date passes; the reason is told to the complainant")
    Mono<ComplaintResponse> extend(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.Extend request,
                                   Authentication authentication) {
        return service.extend(id, request.dueDate(), request.reason(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the complaint (办结)")
    Mono<ComplaintResponse> close(@PathVariable UUID id, Authentication authentication) {
        return service.close(id, CurrentUser.from(authentication));
    }

    @GetMapping
    @Operation(summary = "List complaints, newest first: your own, or all if you work the complaint line")
    Mono<PageResponse<ComplaintResponse>> list(@Valid PageRequest page, Authentication authentication) {
        return service.list(CurrentUser.from(authentication), page);
    }
}
