package gov.envgov.portal.handling;

import static gov.envgov.portal.platform.FormFields.text;
import static gov.envgov.portal.platform.FormFields.whole;

import java.util.LinkedHashMap;
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

/**
 * A complaint handler's work: the unit's queue (earliest due first), accept or return with a reason, start,
 * record the result, reply, and ask for more working days with a reason (the hotline approves or refuses, before
 * the due date). Each action is the service's; the page shows its answer and the complaint's extension requests.
 */
@Controller
class HandlingPages {

    private static final String COMPLAINTS = "complaint-service";

    private final Services services;
    private final PortalProperties properties;

    HandlingPages(Services services, PortalProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/handling")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get(COMPLAINTS, "/api/complaints/queue",
                Map.of("page", Math.max(page, 0), "size", properties.pageSize())));
        return "handling/queue";
    }

    @GetMapping("/handling/complaints/{id}")
    Mono<String> complaint(@PathVariable String id, Model model) {
        return show(id, model, null, null);
    }

    /** One action on the complaint: accept, return, start, handling or reply, with its form fields. */
    @PostMapping("/handling/complaints/{id}/{action}")
    Mono<String> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String path;
            switch (action) {
                case "accept" -> path = "/api/complaints/{id}/accept";
                case "start" -> path = "/api/complaints/{id}/start";
                case "return" -> {
                    path = "/api/complaints/{id}/return";
                    body.put("reason", text(form.getFirst("reason")));
                }
                case "handling" -> {
                    path = "/api/complaints/{id}/handling";
                    String substantiated = form.getFirst("substantiated");
                    body.put("substantiated", substantiated == null ? null : Boolean.valueOf(substantiated));
                    body.put("findings", text(form.getFirst("findings")));
                }
                case "reply" -> {
                    path = "/api/complaints/{id}/reply";
                    body.put("text", text(form.getFirst("text")));
                }
                case "extension-request" -> {
                    path = "/api/complaints/{id}/extension-requests";
                    body.put("workingDays", whole(form.getFirst("workingDays")));
                    body.put("reason", text(form.getFirst("reason")));
                }
                default -> {
                    return show(id, model, null, null);
                }
            }
            return services.post(COMPLAINTS, path, body.isEmpty() ? null : body, id)
                    .flatMap(result -> show(id, model, result.ok() ? action : null, result.ok() ? null : result));
        });
    }

    private Mono<String> show(String id, Model model, String done, ApiResult problem) {
        return Mono.zip(services.get(COMPLAINTS, "/api/complaints/{id}", id),
                        services.get(COMPLAINTS, "/api/complaints/{id}/extension-requests", id))
                .map(both -> {
                    model.addAttribute("result", both.getT1());
                    model.addAttribute("requests", both.getT2());
                    model.addAttribute("done", done);
                    model.addAttribute("problem", problem);
                    return "handling/complaint";
                });
    }
}
