package gov.envgov.credit.blacklist;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;


import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.Choices;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Severe-dishonesty list", description = "Prior notice, response, listing, removal; the public list")
class ListController {

    private final ListService list;

    ListController(ListService list) {
        this.list = list;
    }

    @GetMapping("/api/public/blacklist")
    @Operation(summary = "The severe-dishonesty list (严重失信主体名单): search by name or code prefix, without login")
    Mono<PageResponse<ListResponse.Public>> publicList(@RequestParam(required = false) @Size(max = 100) String q,
                                                       @Valid PageRequest page) {
        return list.search(ListService.PUBLIC, q, page).map(found -> found.map(ListResponse.Public::from));
    }

    @GetMapping("/api/credit/blacklist")
    @Operation(summary = "Entries in any state (credit officers)")
    Mono<PageResponse<ListResponse>> entries(@RequestParam(required = false) Set<ListStatus> status,
                                             @RequestParam(required = false) @Size(max = 100) String q,
                                             @Valid PageRequest page) {
        Set<ListStatus> statuses = Choices.orAll(status, ListStatus.class);
        return list.search(statuses, q, page).map(found -> found.map(ListResponse::from));
    }

    @PostMapping("/api/credit/blacklist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose an entry on a legal basis: the subject is noticed and may respond first")
    Mono<ListResponse> propose(@Valid @RequestBody ListRequests.Propose request, Authentication authentication) {
        return list.notice(request, CurrentUser.from(authentication)).map(ListResponse::from);
    }

    @PostMapping("/api/credit/blacklist/{id}/listing")
    @Operation(summary = "List the subject after the response deadline or its response")
    Mono<ListResponse> listing(@PathVariable UUID id, Authentication authentication) {
        return list.list(id, CurrentUser.from(authentication)).map(ListResponse::from);
    }

    @PostMapping("/api/credit/blacklist/{id}/drop")
    @Operation(summary = "Do not list after all, with the reason")
    Mono<ListResponse> drop(@PathVariable UUID id, @Valid @RequestBody ListRequests.Drop request,
                            Authentication authentication) {
        return list.drop(id, request.reason(), CurrentUser.from(authentication)).map(ListResponse::from);
    }

    @GetMapping("/api/credit/my/blacklist")
    @Operation(summary = "The enterprise's own notices and entries")
    Mono<List<ListResponse>> mine(Authentication authentication) {
        return list.ofSubject(CurrentUser.from(authentication).ownEnterprise()).map(ListResponse::from)
                .collectList();
    }

    @PostMapping("/api/credit/my/blacklist/{id}/response")
    @Operation(summary = "Respond to a prior notice, before its deadline")
    Mono<ListResponse> respond(@PathVariable UUID id, @Valid @RequestBody ListRequests.Respond request,
                               Authentication authentication) {
        return list.respond(id, request.response(), CurrentUser.from(authentication)).map(ListResponse::from);
    }
}
