package gov.envgov.complaint.intake;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.complaint.complaint.ComplaintWorkflowService;
import gov.envgov.complaint.complaint.Satisfaction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** The anonymous filer's own follow-up, proved by the tracking code and its secret instead of an account. */
@RestController
@RequestMapping("/api/public/complaints")
@Tag(name = "Public complaint tracking", description = "Anonymous complaints and tracking by code and secret")
class PublicFollowUpController {

    private final IntakeService intake;
    private final ComplaintWorkflowService workflow;

    PublicFollowUpController(IntakeService intake, ComplaintWorkflowService workflow) {
        this.intake = intake;
        this.workflow = workflow;
    }

    /** Satisfaction and "was it solved" are separate answers, as on the follow-up call. */
    record FollowUpAnswer(@NotNull Satisfaction satisfaction, @NotNull Boolean solved) {
    }

    @PostMapping("/{trackingCode}/follow-up")
    @Operation(summary = "The anonymous complainant's own follow-up (satisfaction and whether it was solved), for "
            + "whoever holds the tracking code and secret; given once, by the complainant or the operator's call",
            responses = {@ApiResponse(responseCode = "200", description = "Answered; the progress as tracked"),
                    @ApiResponse(responseCode = "404", description = "Unknown code, or the secret does not match"),
                    @ApiResponse(responseCode = "409", description = "Not answered yet (the step that comes first "
                            + "is named), or the follow-up was given already (by whom is named)")})
    Mono<PublicComplaintView> followUp(@PathVariable String trackingCode,
                                       @RequestHeader(name = "X-Tracking-Secret", required = false)
                                       @Nullable String secret,
                                       @Valid @RequestBody FollowUpAnswer answer) {
        return intake.trackedId(trackingCode, secret)
                .flatMap(id -> workflow.answerFollowUpWithSecret(id, answer.satisfaction(), answer.solved()))
                .then(intake.track(trackingCode, secret));
    }
}
