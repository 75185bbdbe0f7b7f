package gov.envgov.credit.evaluation;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.code.CreditCode;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/credit")
@Tag(name = "Credit evaluations", description = "Evaluating a period, objections, approval, final publication")
class EvaluationController {

    private final EvaluationService evaluations;
    private final ObjectionService objections;

    EvaluationController(EvaluationService evaluations, ObjectionService objections) {
        this.evaluations = evaluations;
        this.objections = objections;
    }

    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Evaluate a period: the preliminary result, frozen and published for objections")
    Mono<EvaluationResponse> start(@Valid @RequestBody EvaluationRequests.Start request,
                                   Authentication authentication) {
        return evaluations.start(request.period(), CurrentUser.from(authentication).username()).map(this::view);
    }

    @GetMapping("/evaluations")
    @Operation(summary = "Every period's evaluation, the newest first")
    Mono<List<EvaluationResponse>> all() {
        return evaluations.all().map(this::view).collectList();
    }

    @GetMapping("/evaluations/{period}")
    @Operation(summary = "One period's evaluation")
    Mono<EvaluationResponse> find(@PathVariable int period) {
        return evaluations.find(period).map(this::view);
    }

    @GetMapping("/evaluations/{period}/results")
    @Operation(summary = "The current result of every subject in the period, by credit code")
    Mono<PageResponse<EvaluationResponse.Result>> results(@PathVariable int period, @Valid PageRequest page) {
        return evaluations.results(period, page)
                .map(found -> found.map(result -> EvaluationResponse.Result.from(result, false)));
    }

    @GetMapping("/evaluations/{period}/results/{code}")
    @Operation(summary = "Every version of a subject's result, the newest first, each explained")
    Mono<List<EvaluationResponse.Result>> versions(@PathVariable int period, @PathVariable @CreditCode String code) {
        return evaluations.versions(period, code)
                .map(found -> found.stream().map(result -> EvaluationResponse.Result.from(result, true)).toList());
    }

    @PostMapping("/evaluations/{period}/approval")
    @Operation(summary = "Approve the result: after the objection window, with every objection answered")
    Mono<EvaluationResponse> approve(@PathVariable int period, Authentication authentication) {
        return evaluations.approve(period, CurrentUser.from(authentication).username()).map(this::view);
    }

    @PostMapping("/evaluations/{period}/publication")
    @Operation(summary = "Publish the approved result as final (due within 5 working days of approval)")
    Mono<EvaluationResponse> publish(@PathVariable int period, Authentication authentication) {
        return evaluations.publish(period, CurrentUser.from(authentication).username()).map(this::view);
    }

    @GetMapping("/objections")
    @Operation(summary = "Open objections, the oldest first")
    Mono<PageResponse<EvaluationResponse.ObjectionView>> objections(@Valid PageRequest page) {
        return objections.queue(page).map(found -> found.map(EvaluationResponse.ObjectionView::from));
    }

    @PostMapping("/objections/{id}/answer")
    @Operation(summary = "Answer an objection: upheld (a new version of the result) or rejected, with the answer")
    Mono<EvaluationResponse.ObjectionView> answer(@PathVariable UUID id,
                                                  @Valid @RequestBody EvaluationRequests.Answer request,
                                                  Authentication authentication) {
        return objections.answer(id, request, CurrentUser.from(authentication))
                .map(EvaluationResponse.ObjectionView::from);
    }

    private EvaluationResponse view(Evaluation evaluation) {
        return EvaluationResponse.from(evaluation, evaluations.today());
    }
}
