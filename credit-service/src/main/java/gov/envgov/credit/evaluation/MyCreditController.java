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

import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** An enterprise's own credit: the enterprise is the one its token acts for, never one named in the path. */
@RestController
@RequestMapping("/api/credit/my")
@Tag(name = "My credit", description = "An enterprise's own results with their explanation, and its objections")
class MyCreditController {

    private final EvaluationService evaluations;
    private final ObjectionService objections;

    MyCreditController(EvaluationService evaluations, ObjectionService objections) {
        this.evaluations = evaluations;
        this.objections = objections;
    }

    @GetMapping("/results")
    @Operation(summary = "The enterprise's current result of every period")
    Mono<List<EvaluationResponse.Result>> results(Authentication authentication) {
        return evaluations.ofSubject(CurrentUser.from(authentication).ownEnterprise())
                .map(result -> EvaluationResponse.Result.from(result, false)).collectList();
    }

    @GetMapping("/results/{period}")
    @Operation(summary = "Every version of the enterprise's result in a period, each explained to the source event")
    Mono<List<EvaluationResponse.Result>> result(@PathVariable int period, Authentication authentication) {
        return evaluations.versions(period, CurrentUser.from(authentication).ownEnterprise())
                .map(found -> found.stream().map(result -> EvaluationResponse.Result.from(result, true)).toList());
    }

    @PostMapping("/results/{period}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Object to the preliminary result, with reasons and evidence, within the window")
    Mono<EvaluationResponse.ObjectionView> object(@PathVariable int period,
                                                  @Valid @RequestBody EvaluationRequests.FileObjection request,
                                                  Authentication authentication) {
        return objections.file(period, request, CurrentUser.from(authentication))
                .map(EvaluationResponse.ObjectionView::from);
    }

    @GetMapping("/objections")
    @Operation(summary = "The enterprise's objections and their answers")
    Mono<List<EvaluationResponse.ObjectionView>> myObjections(Authentication authentication) {
        return objections.ofSubject(CurrentUser.from(authentication).ownEnterprise())
                .map(EvaluationResponse.ObjectionView::from).collectList();
    }

    @GetMapping("/objections/{id}")
    @Operation(summary = "One of the enterprise's objections; another's does not exist for it")
    Mono<EvaluationResponse.ObjectionView> objection(@PathVariable UUID id, Authentication authentication) {
        return objections.find(id, CurrentUser.from(authentication)).map(EvaluationResponse.ObjectionView::from);
    }
}
