package gov.envgov.complaint.complaint;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complainant.IdentityAccess;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "12345 environmental complaints")
class ComplaintController {

    private final ComplaintQueries queries;
    private final ComplaintWorkflowService workflow;

    ComplaintController(ComplaintQueries queries, ComplaintWorkflowService workflow) {
        this.queries = queries;
        this.workflow = workflow;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one complaint: your own, or any if you work the complaint line")
    Mono<ComplaintResponse> find(@PathVariable UUID id, Authentication authentication) {
        return queries.find(id, CurrentUser.from(authentication));
    }

    @GetMapping
    @Operation(summary = "List complaints, newest first: your own, or all if you work the complaint line")
    Mono<PageResponse<ComplaintResponse>> list(@Valid PageRequest page, Authentication authentication) {
        return queries.list(CurrentUser.from(authentication), page);
    }

    @GetMapping("/queue")
    @Operation(summary = "Your work queue, earliest due date first: dispatch and follow-up for operators (emergencies "
            + "first), your unit's complaints for handlers; by state and district if you like",
            description = "Page by page from the start (page), or after the place the page before ended (after = its "
                    + "next), which costs the same however deep. The total is exact up to "
                    + "envgov.complaint.queue.exact-total-up-to complaints and the database's estimate beyond "
                    + "(totalExact false).",
            responses = {@ApiResponse(responseCode = "200", description = "The page"),
                    @ApiResponse(responseCode = "422", description = "A state your queue does not hold, or an after "
                            + "that is no place in a queue")})
    Mono<QueuePage> queue(@Valid PageRequest page, QueueFilter filter, Authentication authentication) {
        return queries.queue(CurrentUser.from(authentication), filter, page);
    }

    @PostMapping("/{id}/complainant/reveal")
    @Operation(summary = "The complainant's identity in full, to call back; every reveal is audited")
    Mono<Complainant> revealComplainant(@PathVariable UUID id, Authentication authentication) {
        return queries.revealComplainant(id, CurrentUser.from(authentication));
    }

    @GetMapping("/{id}/complainant/accesses")
    @Operation(summary = "Who saw the complainant's identity of this complaint, masked or in full, and when (admin)")
    Flux<IdentityAccess> identityAccesses(@PathVariable UUID id, Authentication authentication) {
        return queries.identityAccesses(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The handling unit accepts the complaint")
    Mono<ComplaintResponse> accept(@PathVariable UUID id, Authentication authentication) {
        return workflow.accept(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "The handling unit returns the complaint to dispatch with a reason (退单)")
    Mono<ComplaintResponse> returnToDispatch(@PathVariable UUID id,
                                             @Valid @RequestBody WorkflowRequests.Return request,
                                             Authentication authentication) {
        return workflow.returnToDispatch(id, request.reason(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "The handling unit starts handling")
    Mono<ComplaintResponse> start(@PathVariable UUID id, Authentication authentication) {
        return workflow.startHandling(id, CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/handling")
    @Operation(summary = "Record the result: substantiated or not, and the findings")
    Mono<ComplaintResponse> recordHandling(@PathVariable UUID id,
                                           @Valid @RequestBody WorkflowRequests.RecordHandling request,
                                           Authentication authentication) {
        return workflow.recordHandling(id, request.substantiated(), request.findings(),
                CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "Answer the complainant")
    Mono<ComplaintResponse> reply(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.Reply request,
                                  Authentication authentication) {
        return workflow.reply(id, request.text(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/follow-up")
    @Operation(summary = "Record the follow-up call (回访); reopen sends it back to the unit (重办)")
    Mono<ComplaintResponse> followUp(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.FollowUp request,
                                     Authentication authentication) {
        return workflow.followUp(id, request.satisfaction(), request.solved(), Boolean.TRUE.equals(request.reopen()),
                CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/satisfaction")
    @Operation(summary = "The complainant's own answer to the follow-up: satisfaction and whether it was solved "
            + "(citizen, own complaints only); given once, by the complainant or the operator's call",
            responses = {@ApiResponse(responseCode = "200", description = "Answered"),
                    @ApiResponse(responseCode = "403", description = "Not the complainant"),
                    @ApiResponse(responseCode = "404", description = "Not your complaint"),
                    @ApiResponse(responseCode = "409", description = "Not answered yet (the step that comes first "
                            + "is named), or the follow-up was given already (by whom is named)")})
    Mono<ComplaintResponse> satisfaction(@PathVariable UUID id, @Valid @RequestBody WorkflowRequests.Satisfied request,
                                         Authentication authentication) {
        return workflow.answerFollowUp(id, request.satisfaction(), request.solved(), CurrentUser.from(authentication));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The complaint's steps from its audit trail, oldest first, with each return's unit and "
            + "reason (staff)")
    Mono<PageResponse<ComplaintHistoryEntry>> history(@PathVariable UUID id, @Valid PageRequest page,
                                                      Authentication authentication) {
        return queries.history(id, CurrentUser.from(authentication), page);
    }

    @PostMapping("/{id}/district")
    @Operation(summary = "Correct the district the complaint was registered in, with a reason (operators; audited)",
            responses = {@ApiResponse(responseCode = "200", description = "Corrected"),
                    @ApiResponse(responseCode = "409", description = "Closed or linked: no longer corrected"),
                    @ApiResponse(responseCode = "422", description = "Not a district of the city (the accepted "
                            + "ones are named), or the district it has already")})
    Mono<ComplaintResponse> correctDistrict(@PathVariable UUID id,
                                            @Valid @RequestBody WorkflowRequests.CorrectDistrict request,
                                            Authentication authentication) {
        return workflow.correctDistrict(id, request.district(), request.reason(), CurrentUser.from(authentication));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the complaint (办结)")
    Mono<ComplaintResponse> close(@PathVariable UUID id, Authentication authentication) {
        return workflow.close(id, CurrentUser.from(authentication));
    }
}
