package gov.envgov.portal.hotline;

import static gov.envgov.portal.platform.FormFields.text;
import static gov.envgov.portal.platform.FormFields.whole;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
 * The hotline operator's work: the queue (complaint-service orders it, overdue and earliest due first), one
 * complaint with its duplicate proposals, dispatch (back to a unit that just returned it only when the operator
 * says so), the follow-up call, correcting the district, revealing the caller to call back (audited by the
 * service), registering a call or a letter, and deciding the units' extension requests.
 */
@Controller
class HotlinePages {

    private static final String COMPLAINTS = "complaint-service";

    private final Services services;
    private final PortalProperties properties;

    HotlinePages(Services services, PortalProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/hotline")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get(COMPLAINTS, "/api/complaints/queue",
                Map.of("page", Math.max(page, 0), "size", properties.pageSize())));
        return "hotline/queue";
    }

    @GetMapping("/hotline/complaints/{id}")
    Mono<String> complaint(@PathVariable String id, Model model) {
        return show(id, model, null, null);
    }

    @PostMapping("/hotline/complaints/{id}/dispatch")
    Mono<String> dispatch(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String unit = form.getFirst("unit");
            if (unit != null && !unit.isBlank()) {
                body.put("unit", unit.trim());
            }
            if ("true".equals(form.getFirst("override"))) {
                body.put("override", true);
            }
            return services.post(COMPLAINTS, "/api/complaints/{id}/dispatch", body, id)
                    .flatMap(result -> after(id, result, model, "dispatched"));
        });
    }

    @PostMapping("/hotline/complaints/{id}/follow-up")
    Mono<String> followUp(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("satisfaction", text(form.getFirst("satisfaction")));
            body.put("solved", bool(form, "solved"));
            body.put("reopen", "true".equals(form.getFirst("reopen")));
            return services.post(COMPLAINTS, "/api/complaints/{id}/follow-up", body, id)
                    .flatMap(result -> after(id, result, model, "followed-up"));
        });
    }

    /** Approves an extension before the due date passes; the reason is told to the complainant. */
    @PostMapping("/hotline/complaints/{id}/extension")
    Mono<String> extend(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dueDate", text(form.getFirst("dueDate")));
            body.put("reason", text(form.getFirst("reason")));
            return services.post(COMPLAINTS, "/api/complaints/{id}/extension", body, id)
                    .flatMap(result -> after(id, result, model, "extended"));
        });
    }

    /** Corrects the district the complaint was registered in; the reason goes to the service's audit trail. */
    @PostMapping("/hotline/complaints/{id}/district")
    Mono<String> district(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("district", text(form.getFirst("district")));
            body.put("reason", text(form.getFirst("districtReason")));
            return services.post(COMPLAINTS, "/api/complaints/{id}/district", body, id)
                    .flatMap(result -> after(id, result, model, "district-corrected"));
        });
    }

    /** The units' extension requests waiting for a decision, the earliest due complaint first. */
    @GetMapping("/hotline/extensions")
    Mono<String> extensions(@RequestParam(defaultValue = "0") int page, Model model) {
        return extensionQueue(Math.max(page, 0), model, null, null);
    }

    /** Approves the days asked for, or fewer; the complaint's due date moves by them. */
    @PostMapping("/hotline/extensions/{complaintId}/{requestId}/approve")
    Mono<String> approveExtension(@PathVariable String complaintId, @PathVariable String requestId,
                                  ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("workingDays", whole(form.getFirst("workingDays")));
            body.put("note", text(form.getFirst("note")));
            return services.post(COMPLAINTS, "/api/complaints/{id}/extension-requests/{requestId}/approve", body,
                            complaintId, requestId)
                    .flatMap(result -> extensionQueue(0, model, result.ok() ? "approved" : null,
                            result.ok() ? null : result));
        });
    }

    @PostMapping("/hotline/extensions/{complaintId}/{requestId}/refuse")
    Mono<String> refuseExtension(@PathVariable String complaintId, @PathVariable String requestId,
                                 ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", text(form.getFirst("note")));
            return services.post(COMPLAINTS, "/api/complaints/{id}/extension-requests/{requestId}/refuse", body,
                            complaintId, requestId)
                    .flatMap(result -> extensionQueue(0, model, result.ok() ? "refused" : null,
                            result.ok() ? null : result));
        });
    }

    private Mono<String> extensionQueue(int page, Model model, String done, ApiResult problem) {
        return services.get(COMPLAINTS, "/api/complaints/extension-requests",
                        Map.of("page", page, "size", properties.pageSize()))
                .map(result -> {
                    model.addAttribute("page", page);
                    model.addAttribute("result", result);
                    model.addAttribute("done", done);
                    model.addAttribute("problem", problem);
                    return "hotline/extensions";
                });
    }

    @PostMapping("/hotline/complaints/{id}/close")
    Mono<String> close(@PathVariable String id, Model model) {
        return services.post(COMPLAINTS, "/api/complaints/{id}/close", null, id)
                .flatMap(result -> after(id, result, model, "closed"));
    }

    @PostMapping("/hotline/complaints/{id}/duplicate-of")
    Mono<String> duplicateOf(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> services.post(COMPLAINTS, "/api/complaints/{id}/duplicate-of",
                        Map.of("masterId", String.valueOf(form.getFirst("masterId"))), id)
                .flatMap(result -> after(id, result, model, "linked")));
    }

    @PostMapping("/hotline/complaints/{id}/reveal")
    Mono<String> reveal(@PathVariable String id, Model model) {
        return services.post(COMPLAINTS, "/api/complaints/{id}/complainant/reveal", null, id)
                .flatMap(result -> show(id, model, result.ok() ? "revealed" : null, result.ok() ? null : result)
                        .doOnNext(view -> model.addAttribute("revealed", result.ok() ? result.body() : null)));
    }

    @GetMapping("/hotline/register")
    String registerForm(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "hotline/register";
    }

    @PostMapping("/hotline/register")
    Mono<String> register(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            put(body, "channel", form.getFirst("channel"));
            put(body, "type", form.getFirst("type"));
            put(body, "category", form.getFirst("category"));
            put(body, "description", form.getFirst("description"));
            put(body, "district", form.getFirst("district"));
            put(body, "address", form.getFirst("address"));
            put(body, "receivedOn", form.getFirst("receivedOn"));
            Map<String, Object> caller = new LinkedHashMap<>();
            put(caller, "name", form.getFirst("name"));
            put(caller, "phone", form.getFirst("phone"));
            if (!caller.isEmpty()) {
                body.put("complainant", caller);
            }
            return services.post(COMPLAINTS, "/api/complaints", body).map(result -> {
                if (result.ok()) {
                    model.addAttribute("registered", result.body());
                    model.addAttribute("form", Map.of());
                    model.addAttribute("errors", Map.of());
                } else {
                    model.addAttribute("form", form.toSingleValueMap());
                    model.addAttribute("errors", result.fieldErrors());
                    model.addAttribute("problem", result);
                }
                return "hotline/register";
            });
        });
    }

    private Mono<String> after(String id, ApiResult result, Model model, String done) {
        return show(id, model, result.ok() ? done : null, result.ok() ? null : result);
    }

    private Mono<String> show(String id, Model model, String done, ApiResult problem) {
        return Mono.zip(services.get(COMPLAINTS, "/api/complaints/{id}", id),
                        services.get(COMPLAINTS, "/api/complaints/{id}/duplicates", id))
                .map(both -> {
                    model.addAttribute("result", both.getT1());
                    model.addAttribute("duplicates", both.getT2());
                    model.addAttribute("done", done);
                    model.addAttribute("problem", problem);
                    return "hotline/complaint";
                });
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.trim());
        }
    }

    private static Boolean bool(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }
}
