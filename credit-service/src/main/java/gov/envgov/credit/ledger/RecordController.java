package gov.envgov.credit.ledger;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
@Tag(name = "Credit records", description = "Behaviours that count for credit, from the feeds and entered by hand")
class RecordController {

    private final RecordService records;

    RecordController(RecordService records) {
        this.records = records;
    }

    @GetMapping("/records")
    @Operation(summary = "Records, newest first, of one subject and/or period (credit officers)")
    Mono<PageResponse<RecordResponse>> search(@RequestParam(required = false) @CreditCode String subject,
                                              @RequestParam(required = false) Integer period,
                                              @Valid PageRequest page) {
        return records.search(subject, period, page).map(found -> found.map(RecordResponse::from));
    }

    @GetMapping("/records/{id}")
    @Operation(summary = "One record with its source event, rule and entry deadline")
    Mono<RecordResponse> find(@PathVariable UUID id) {
        return records.find(id).map(RecordResponse::from);
    }

    @GetMapping("/my/records")
    @Operation(summary = "The enterprise's own records of a period, counted or not, with where each came from")
    Mono<List<RecordResponse>> mine(@RequestParam int period, Authentication authentication) {
        return records.all(CurrentUser.from(authentication).ownEnterprise(), period).map(RecordResponse::from)
                .collectList();
    }

    @PostMapping("/records")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a record by hand, with its rule or veto event and its evidence (credit officers)")
    Mono<RecordResponse> enter(@Valid @RequestBody RecordRequests.Enter request, Authentication authentication) {
        return records.enter(request, CurrentUser.from(authentication)).map(RecordResponse::from);
    }
}
