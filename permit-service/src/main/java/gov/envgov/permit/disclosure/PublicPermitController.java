package gov.envgov.permit.disclosure;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.permit.permit.PermitClass;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/permits")
@Tag(name = "Public permits", description = "Disclosure of issued permits (信息公开); no login")
class PublicPermitController {

    private final PublicPermitService service;

    PublicPermitController(PublicPermitService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Search issued permits by holder name, credit code or number prefix, district and class",
            description = "Any part of the holder's name matches. The total is exact up to a configured number "
                    + "(envgov.permit.lists.exact-total-up-to); beyond it the total is an estimate and totalExact "
                    + "is false.")
    Mono<PageResponse<PublicPermitView>> search(@RequestParam(required = false) String q,
                                                @RequestParam(required = false) String district,
                                                @RequestParam(required = false) PermitClass permitClass,
                                                @Parameter(description = "The id of the last permit of the page "
                                                        + "before: the page starts behind it, however deep the "
                                                        + "list (send page 0 with it)")
                                                @RequestParam(required = false) UUID after,
                                                @Valid PageRequest page) {
        return service.search(new PublicPermitQuery(q, district, permitClass), page, after)
                .map(result -> result.map(PublicPermitView::from));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One issued permit's public view: holder, number, validity, outlets and limits")
    Mono<PublicPermitView> find(@PathVariable UUID id) {
        return service.find(id).map(PublicPermitView::from);
    }
}
