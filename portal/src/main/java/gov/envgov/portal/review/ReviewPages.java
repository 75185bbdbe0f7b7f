package gov.envgov.portal.review;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.portal.platform.ApiResult;
import gov.envgov.portal.platform.PortalProperties;
import gov.envgov.portal.platform.Services;
import reactor.core.publisher.Mono;

/** The permit reviewer's queue (deadlines first, as permit-service orders it) and one application's decisions. */
@Controller
class ReviewPages {

    private static final String PERMITS = "permit-service";

    private final Services services;
    private final PortalProperties properties;

    ReviewPages(Services services, PortalProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/review")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get(PERMITS, "/api/permits/review-queue",
                Map.of("page", Math.max(page, 0), "size", properties.pageSize())));
        return "review/queue";
    }

    @GetMapping("/review/permits/{id}")
    Mono<String> permit(@PathVariable String id, Model model) {
        return show(id, model, null, null);
    }

    @PostMapping("/review/permits/{id}/{action}")
    Mono<String> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange,
                     Model model) {
        return exchange.getFormData().flatMap(form -> {
            String text = form.getFirst("text") == null ? null : form.getFirst("text").trim();
            Mono<ApiResult> done;
            switch (action) {
                case "issue" -> done = services.post(PERMITS, "/api/permits/{id}/issue",
                        text == null || text.isEmpty() ? Map.of() : Map.of("note", text), id);
                case "reject" -> done = services.post(PERMITS, "/api/permits/{id}/reject",
                        text == null || text.isEmpty() ? Map.of() : Map.of("reason", text), id);
                case "supplement-request" -> done = services.post(PERMITS, "/api/permits/{id}/supplement-request",
                        text == null || text.isEmpty() ? Map.of() : Map.of("request", text), id);
                case "accept" -> done = services.post(PERMITS, "/api/permits/{id}/accept", null, id);
                case "site-check" -> done = services.post(PERMITS, "/api/permits/{id}/site-check", null, id);
                default -> done = Mono.just(ApiResult.unavailable());
            }
            return done.flatMap(result -> show(id, model, result.ok() ? action : null, result.ok() ? null : result));
        });
    }

    private Mono<String> show(String id, Model model, String done, ApiResult problem) {
        return services.get(PERMITS, "/api/permits/{id}", id).map(result -> {
            model.addAttribute("result", result);
            model.addAttribute("done", done);
            model.addAttribute("problem", problem);
            return "review/permit";
        });
    }
}
