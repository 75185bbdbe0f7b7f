package gov.envgov.enforcement.inspection;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.enforcement.casefile.RecordVerification;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enforcement")
@Tag(name = "Inspections", description = "Inspectors perform their tasks; enterprises read their own inspections")
class InspectionController {

    private final InspectionService inspections;
    private final InspectionQueryService queries;

    InspectionController(InspectionService inspections, InspectionQueryService queries) {
        this.inspections = inspections;
        this.queries = queries;
    }

    /** The clue a failed item raised. */
    record RaisedClue(UUID clueId, LocalDate filingDue) {
    }

    @PostMapping("/tasks/{id}/inspection")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the task's inspection with the unit's checklist (inspectors on the task)")
    Mono<InspectionResponse> start(@PathVariable UUID id,
                                   @Valid @RequestBody(required = false) InspectionRequests.Start request,
                                   Authentication authentication) {
        InspectionRequests.Start start = request == null ? new InspectionRequests.Start(null, null) : request;
        return inspections.start(id, start, CurrentUser.from(authentication))
                .map(found -> InspectionResponse.forStaff(found, null));
    }

    @PostMapping("/tasks/{id}/inspection/on-site")
    @Operation(summary = "Take an off-site inspection on site, with the reason")
    Mono<InspectionResponse> goOnSite(@PathVariable UUID id, @Valid @RequestBody InspectionRequests.GoOnSite request,
                                      Authentication authentication) {
        return inspections.goOnSite(id, request.reason(), CurrentUser.from(authentication))
                .map(found -> InspectionResponse.forStaff(found, null));
    }

    @PostMapping("/tasks/{id}/inspection/items/{itemId}")
    @Operation(summary = "Record an item as passed or failed, with the finding and an internal note")
    Mono<InspectionResponse> check(@PathVariable UUID id, @PathVariable String itemId,
                                   @Valid @RequestBody InspectionRequests.Check request,
                                   Authentication authentication) {
        return inspections.check(id, itemId, request, CurrentUser.from(authentication))
                .map(found -> InspectionResponse.forStaff(found, null));
    }

    @PostMapping("/tasks/{id}/inspection/items/{itemId}/clue")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a clue from a failed item; asking again returns the same clue")
    Mono<RaisedClue> raiseClue(@PathVariable UUID id, @PathVariable String itemId, Authentication authentication) {
        return inspections.raiseClue(id, itemId, CurrentUser.from(authentication))
                .map(clue -> new RaisedClue(clue.id(), clue.filingDue()));
    }

    @PostMapping(path = "/tasks/{id}/inspection/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an evidence file (part 'file'), stored with its SHA-256; of one item if named")
    Mono<InspectionResponse.EvidenceResponse> addEvidence(@PathVariable UUID id,
                                                          @RequestParam(required = false) @Size(max = 100)
                                                          String itemId,
                                                          @RequestPart("file") FilePart file,
                                                          Authentication authentication) {
        long max = inspections.evidenceMaxBytes();
        String contentType = file.headers().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                : file.headers().getContentType().toString();
        return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE, max))
                .onErrorMap(DataBufferLimitException.class, error -> new DomainException.RuleViolation(
                        "evidence-too-large", "file", "an evidence file is at most " + max + " bytes"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> inspections.addEvidence(id, itemId == null || itemId.isBlank() ? null : itemId,
                        fileName(file.filename()), contentType, bytes, CurrentUser.from(authentication)))
                .map(InspectionResponse.EvidenceResponse::from);
    }

    @PostMapping("/tasks/{id}/inspection/completion")
    @Operation(summary = "Complete the inspection: every item checked; the result is published")
    Mono<InspectionResponse> complete(@PathVariable UUID id, Authentication authentication) {
        return inspections.complete(id, CurrentUser.from(authentication))
                .map(found -> InspectionResponse.forStaff(found, null));
    }

    @GetMapping("/tasks/{id}/inspection")
    @Operation(summary = "A task's inspection with its checklist, notes and evidence (staff)")
    Mono<InspectionResponse> find(@PathVariable UUID id, Authentication authentication) {
        return queries.find(id, CurrentUser.from(authentication))
                .map(found -> InspectionResponse.forStaff(found.inspection(), found.evidence()));
    }

    @GetMapping("/tasks/{id}/inspection/record/verification")
    @Operation(summary = "Re-check the inspection's record: every act, its links and its last anchor (staff)")
    Mono<RecordVerification> verifyRecord(@PathVariable UUID id) {
        return queries.verifyRecord(id);
    }

    @GetMapping("/tasks/{id}/inspection/evidence/{evidenceId}")
    @Operation(summary = "An evidence file's bytes, with its SHA-256 in a header (staff)")
    Mono<ResponseEntity<byte[]>> evidence(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        return queries.evidence(id, evidenceId).map(file -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment")
                .header("X-Content-SHA256", file.evidence().sha256())
                .body(file.content()));
    }

    @GetMapping("/my/inspections")
    @Operation(summary = "The signed-in enterprise's own inspections, the newest first (no internal notes)")
    Mono<PageResponse<InspectionResponse>> mine(@Valid PageRequest page, Authentication authentication) {
        return queries.mine(CurrentUser.from(authentication), page)
                .map(result -> result.map(found -> InspectionResponse.forEnterprise(found, null)));
    }

    @GetMapping("/my/inspections/{id}")
    @Operation(summary = "One of the enterprise's own inspections with its findings and evidence records")
    Mono<InspectionResponse> mineOne(@PathVariable UUID id, Authentication authentication) {
        return queries.find(id, CurrentUser.from(authentication))
                .map(found -> InspectionResponse.forEnterprise(found.inspection(), found.evidence()));
    }

    /** The name a file was sent with, without any path a client put in front of it. */
    private static String fileName(String sent) {
        String name = sent == null ? "" : sent.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "evidence";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
