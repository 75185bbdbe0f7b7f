package gov.envgov.enforcement.casefile;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enforcement")
@Tag(name = "Enforcement cases", description = "The ordinary procedure from filing to archive, every step recorded")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping("/clues/{clueId}/case")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a clue as a case (立案), with at least two investigators")
    Mono<CaseResponse> file(@PathVariable UUID clueId, @Valid @RequestBody CaseRequests.FileCase request,
                            Authentication authentication) {
        return cases.file(clueId, request, CurrentUser.from(authentication)).map(CaseResponse::forStaff);
    }

    @PostMapping("/clues/{clueId}/no-case")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that a clue is not filed, with the reason (不予立案)")
    Mono<CaseResponse> notFile(@PathVariable UUID clueId, @Valid @RequestBody CaseRequests.NotFiled request,
                               Authentication authentication) {
        return cases.notFile(clueId, request.reason(), CurrentUser.from(authentication)).map(CaseResponse::forStaff);
    }

    @GetMapping("/cases")
    @Operation(summary = "Open cases, the nearest deadline first; an enterprise sees its own")
    Mono<PageResponse<CaseResponse>> queue(@Valid PageRequest page, Authentication authentication) {
        CurrentUser reader = CurrentUser.from(authentication);
        return cases.queue(reader, page).map(result -> result.map(found -> view(found, reader)));
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "One case: staff see the whole record, the enterprise its own case")
    Mono<CaseResponse> find(@PathVariable UUID id, Authentication authentication) {
        CurrentUser reader = CurrentUser.from(authentication);
        return cases.find(id, reader).map(found -> view(found, reader));
    }

    @GetMapping("/cases/{id}/record/verification")
    @Operation(summary = "Re-check the case's full-process record: every act, its links and its last anchor (staff)")
    Mono<RecordVerification> verifyRecord(@PathVariable UUID id) {
        return cases.verifyRecord(id);
    }

    @PostMapping("/cases/{id}/investigation")
    @Operation(summary = "Start the investigation")
    Mono<CaseResponse> investigate(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "investigate", Map.of(), EnforcementCase::startInvestigation);
    }

    @PostMapping("/cases/{id}/review")
    @Operation(summary = "Send for case review (by someone who did not investigate)")
    Mono<CaseResponse> review(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "request-review", Map.of(), EnforcementCase::requestReview);
    }

    @PostMapping("/cases/{id}/notice")
    @Operation(summary = "The reviewer serves the notice (告知) with the proposed penalty")
    Mono<CaseResponse> notice(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Notice request,
                              Authentication authentication) {
        String reviewer = CurrentUser.from(authentication).username();
        return step(id, authentication, "serve-notice", Map.of("proposedFine", request.proposedFine(),
                "kinds", request.kinds().toString()), current -> current.serveNotice(reviewer,
                request.proposedFine(), request.kinds(), cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/hearing-request")
    @Operation(summary = "The party requests a hearing (the enterprise itself, or an inspector recording it)")
    Mono<CaseResponse> requestHearing(@PathVariable UUID id, Authentication authentication) {
        CurrentUser actor = CurrentUser.from(authentication);
        return cases.find(id, actor).then(step(id, authentication, "request-hearing", Map.of(),
                current -> current.requestHearing(cases.today())));
    }

    @PostMapping("/cases/{id}/hearing")
    @Operation(summary = "Schedule the hearing: a chair who did not investigate, 7 working days' notice")
    Mono<CaseResponse> hearing(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Hearing request,
                               Authentication authentication) {
        return step(id, authentication, "schedule-hearing", Map.of("chair", request.chair(),
                "hearingOn", request.hearingOn().toString()), current -> current.scheduleHearing(request.chair(),
                request.hearingOn(), cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/legal-review")
    @Operation(summary = "Send for legal review (法制审核)")
    Mono<CaseResponse> legalReview(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "request-legal-review", Map.of(),
                current -> current.requestLegalReview(cases.today()));
    }

    @PostMapping("/cases/{id}/legal-review/approval")
    @Operation(summary = "Pass the legal review (legal reviewers)")
    Mono<CaseResponse> passLegalReview(@PathVariable UUID id, Authentication authentication) {
        String reviewer = CurrentUser.from(authentication).username();
        return step(id, authentication, "pass-legal-review", Map.of(), current -> current.passLegalReview(reviewer));
    }

    @PostMapping("/cases/{id}/collective-decision")
    @Operation(summary = "Record the collective decision of a major case (admin)")
    Mono<CaseResponse> collective(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Collective request,
                                  Authentication authentication) {
        return step(id, authentication, "record-collective-decision", Map.of("minutes", request.minutes()),
                current -> current.recordCollectiveDecision(request.minutes()));
    }

    @PostMapping("/cases/{id}/decision")
    @Operation(summary = "Decide: a penalty (never above the notice), no penalty, or a referral")
    Mono<CaseResponse> decide(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Decision request,
                              Authentication authentication) {
        CurrentUser actor = CurrentUser.from(authentication);
        return cases.decide(id, request, actor).map(next -> view(next, actor));
    }

    @PostMapping("/cases/simple")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Decide a penalty on the spot (当场处罚, simple procedure) with the inspector pair; a fine"
            + " above the limit is refused")
    Mono<CaseResponse> decideOnTheSpot(@Valid @RequestBody CaseRequests.SimpleCase request,
                                       Authentication authentication) {
        CurrentUser actor = CurrentUser.from(authentication);
        return cases.decideOnTheSpot(request, actor).map(next -> view(next, actor));
    }

    @PostMapping("/cases/{id}/decision-clock/pause")
    @Operation(summary = "Pause the decision clock (hearing, service, testing …) from today")
    Mono<CaseResponse> pauseClock(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Pause request,
                                  Authentication authentication) {
        return step(id, authentication, "pause-decision-clock", Map.of("reason", request.reason().name()),
                current -> current.pauseDecisionClock(request.reason(), cases.today()));
    }

    @PostMapping("/cases/{id}/decision-clock/resumption")
    @Operation(summary = "Resume the decision clock today; the decision is due later by the days it stood")
    Mono<CaseResponse> resumeClock(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "resume-decision-clock", Map.of(),
                current -> current.resumeDecisionClock(cases.today()));
    }

    @PostMapping("/cases/{id}/decision-clock/extension")
    @Operation(summary = "Extend the decision period by 30 days with the head's approval (the last one collectively)")
    Mono<CaseResponse> extendClock(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Extension request,
                                   Authentication authentication) {
        return step(id, authentication, "extend-decision-period", Map.of("approval", request.approval()),
                current -> current.extendDecisionPeriod(request.approval(), request.collectiveMinutes(),
                        cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/service")
    @Operation(summary = "Record that the decision was served")
    Mono<CaseResponse> serve(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "serve", Map.of(), current -> current.serve(cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/execution")
    @Operation(summary = "Start executing a fine")
    Mono<CaseResponse> execute(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "execute", Map.of(), EnforcementCase::startExecution);
    }

    @PostMapping("/cases/{id}/payments")
    @Operation(summary = "Record a payment; late ones carry 3 % a day, capped at the fine")
    Mono<CaseResponse> pay(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Payment request,
                           Authentication authentication) {
        return step(id, authentication, "record-payment", Map.of("amount", request.amount()),
                current -> current.recordPayment(request.amount(), cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/challenge")
    @Operation(summary = "Record that the party applied for review or sued")
    Mono<CaseResponse> challenge(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Challenge request,
                                 Authentication authentication) {
        return step(id, authentication, "record-challenge", Map.of("kind", request.kind().name()),
                current -> current.recordChallenge(request.kind().name(), cases.today()));
    }

    @PostMapping("/cases/{id}/execution/demand")
    @Operation(summary = "Send the written demand to pay (催告) once the review and lawsuit periods have run out")
    Mono<CaseResponse> demand(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Demand request,
                              Authentication authentication) {
        return step(id, authentication, "demand-payment", Map.of("periodDays", request.periodDays()),
                current -> current.demandPayment(request.periodDays(), cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/execution/court-application")
    @Operation(summary = "Apply to the court for enforcement after the demand's period ran out unpaid")
    Mono<CaseResponse> applyToCourt(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "apply-to-court", Map.of(),
                current -> current.applyToCourt(cases.today(), cases.rules()));
    }

    @PostMapping("/cases/{id}/police-transfer")
    @Operation(summary = "Transfer the case to the police (移送公安), e.g. for detention or a suspected crime")
    Mono<CaseResponse> transferToPolice(@PathVariable UUID id, @Valid @RequestBody CaseRequests.PoliceTransfer request,
                                        Authentication authentication) {
        return step(id, authentication, "transfer-to-police", Map.of("reason", request.reason()),
                current -> current.transferToPolice(request.reason(), cases.today()));
    }

    @PostMapping("/cases/{id}/closure")
    @Operation(summary = "Close a served decision without a fine")
    Mono<CaseResponse> close(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "close", Map.of(), current -> current.close(cases.today()));
    }

    @PostMapping("/cases/{id}/decision/withdrawal")
    @Operation(summary = "Withdraw a changed or annulled penalty decision; its publication is withdrawn too")
    Mono<CaseResponse> withdraw(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Withdrawal request,
                                Authentication authentication) {
        return step(id, authentication, "withdraw-decision", Map.of("reason", request.reason()),
                current -> current.withdrawDecision(request.reason(), cases.today()));
    }

    @PostMapping("/cases/{id}/archive")
    @Operation(summary = "Archive a closed case")
    Mono<CaseResponse> archive(@PathVariable UUID id, Authentication authentication) {
        return step(id, authentication, "archive", Map.of(), EnforcementCase::archive);
    }

    private Mono<CaseResponse> step(UUID id, Authentication authentication, String action, Map<String, ?> details,
                                    Function<EnforcementCase, EnforcementCase.Transition> decide) {
        CurrentUser actor = CurrentUser.from(authentication);
        return cases.step(id, actor, action, details, decide).map(next -> view(next, actor));
    }

    private static CaseResponse view(EnforcementCase found, CurrentUser reader) {
        return reader.isStaff() ? CaseResponse.forStaff(found) : CaseResponse.forParty(found);
    }
}
