package gov.envgov.enforcement.measure;

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
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enforcement")
@Tag(name = "Side measures", description = "Daily continuous penalty, sealing and production limits, with clocks")
class MeasureController {

    private final MeasureService measures;

    MeasureController(MeasureService measures) {
        this.measures = measures;
    }

    @PostMapping("/cases/{id}/measures/daily-penalty")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Order to correct served: a daily continuous penalty starts (按日连续处罚)")
    Mono<MeasureResponse> dailyPenalty(@PathVariable UUID id, @Valid @RequestBody MeasureRequests.DailyPenalty request,
                                       Authentication authentication) {
        return measures.startDailyPenalty(id, request.orderServedOn(), CurrentUser.from(authentication))
                .map(this::view);
    }

    @PostMapping("/cases/{id}/measures/sealing")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Seal facilities (查封、扣押) for at most 30 days")
    Mono<MeasureResponse> sealing(@PathVariable UUID id, @Valid @RequestBody MeasureRequests.Limited request,
                                  Authentication authentication) {
        return measures.startLimited(id, MeasureKind.SEALING, request.startedOn(), CurrentUser.from(authentication))
                .map(this::view);
    }

    @PostMapping("/cases/{id}/measures/production-limit")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Limit production (限制生产) for at most 3 months")
    Mono<MeasureResponse> productionLimit(@PathVariable UUID id, @Valid @RequestBody MeasureRequests.Limited request,
                                          Authentication authentication) {
        return measures.startLimited(id, MeasureKind.PRODUCTION_LIMIT, request.startedOn(),
                CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/cases/{id}/measures/{measureId}/reinspections")
    @Operation(summary = "Record a covert re-inspection of a daily penalty: going on adds days × the fine")
    Mono<MeasureResponse> reinspect(@PathVariable UUID id, @PathVariable UUID measureId,
                                    @Valid @RequestBody MeasureRequests.Reinspect request,
                                    Authentication authentication) {
        return measures.reinspect(id, measureId, request, CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/cases/{id}/measures/{measureId}/extension")
    @Operation(summary = "Extend sealing (+30 days) or a production limit (+3 months), once")
    Mono<MeasureResponse> extend(@PathVariable UUID id, @PathVariable UUID measureId,
                                 @Valid @RequestBody MeasureRequests.Extend request, Authentication authentication) {
        return measures.extend(id, measureId, request.reason(), CurrentUser.from(authentication)).map(this::view);
    }

    @PostMapping("/cases/{id}/measures/{measureId}/testing")
    @Operation(summary = "Leave a testing period out of the sealing's days")
    Mono<MeasureResponse> testing(@PathVariable UUID id, @PathVariable UUID measureId,
                                  @Valid @RequestBody MeasureRequests.Testing request, Authentication authentication) {
        return measures.excludeTesting(id, measureId, request.from(), request.to(), CurrentUser.from(authentication))
                .map(this::view);
    }

    @PostMapping("/cases/{id}/measures/{measureId}/end")
    @Operation(summary = "Lift or end a measure")
    Mono<MeasureResponse> end(@PathVariable UUID id, @PathVariable UUID measureId,
                              @Valid @RequestBody MeasureRequests.End request, Authentication authentication) {
        return measures.end(id, measureId, request.on(), request.reason(), CurrentUser.from(authentication))
                .map(this::view);
    }

    @GetMapping("/cases/{id}/measures")
    @Operation(summary = "A case's side measures (staff)")
    Mono<List<MeasureResponse>> ofCase(@PathVariable UUID id, Authentication authentication) {
        return measures.ofCase(id, CurrentUser.from(authentication))
                .map(found -> found.stream().map(this::view).toList());
    }

    @GetMapping("/measures")
    @Operation(summary = "Active side measures, the nearest deadline first (overdue ones lead)")
    Mono<PageResponse<MeasureResponse>> queue(@Valid PageRequest page) {
        return measures.queue(page).map(result -> result.map(this::view));
    }

    private MeasureResponse view(SideMeasure measure) {
        return MeasureResponse.from(measure, measures.today());
    }
}
