package gov.envgov.portal.inspection;

import static gov.envgov.portal.platform.FormFields.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.portal.platform.ApiResult;
import gov.envgov.portal.platform.Services;
import reactor.core.publisher.Mono;

/**
 * Double-random draws and their inspections, for inspectors: announce a plan (its seed's hash is published at
 * once), draw once, assign two inspectors per drawn unit, publish; then one task's inspection: start (off site
 * first for a positive-list unit), check each item, complete. enforcement-service enforces every rule.
 */
@Controller
class DrawPages {

    private static final String ENFORCEMENT = "enforcement-service";

    private final Services services;

    DrawPages(Services services) {
        this.services = services;
    }

    @PostMapping("/inspection/draws")
    Mono<String> announce(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("period", text(form.getFirst("period")));
            plan.put("level", text(form.getFirst("level")));
            plan.put("district", text(form.getFirst("district")));
            plan.put("managementClass", text(form.getFirst("managementClass")));
            return services.post(ENFORCEMENT, "/api/enforcement/draws", plan).flatMap(result -> result.ok()
                    ? showDraw(String.valueOf(result.body().get("id")), model, null, "announced")
                    : Mono.just(result).map(refused -> {
                        model.addAttribute("problem", refused);
                        model.addAttribute("draw", ApiResult.unavailable());
                        model.addAttribute("tasks", ApiResult.unavailable());
                        model.addAttribute("done", null);
                        return "inspection/draw";
                    }));
        });
    }

    @GetMapping("/inspection/draws/{id}")
    Mono<String> draw(@PathVariable String id, Model model) {
        return showDraw(id, model, null, null);
    }

    /** draw, tasks (assign the inspectors) or publication. */
    @PostMapping("/inspection/draws/{id}/{step}")
    Mono<String> step(@PathVariable String id, @PathVariable String step, Model model) {
        String path = switch (step) {
            case "draw" -> "/api/enforcement/draws/{id}/draw";
            case "tasks" -> "/api/enforcement/draws/{id}/tasks";
            case "publication" -> "/api/enforcement/draws/{id}/publication";
            default -> null;
        };
        if (path == null) {
            return showDraw(id, model, null, null);
        }
        return services.post(ENFORCEMENT, path, null, id)
                .flatMap(result -> showDraw(id, model, result.ok() ? null : result, result.ok() ? step : null));
    }

    @GetMapping("/inspection/tasks/{id}")
    Mono<String> task(@PathVariable String id, Model model) {
        return showTask(id, model, null, null);
    }

    /** start, items/{itemId} (with outcome, finding, note) or completion. */
    @PostMapping({"/inspection/tasks/{id}/{step}", "/inspection/tasks/{id}/{step}/{itemId}"})
    Mono<String> inspect(@PathVariable String id, @PathVariable String step,
                         @PathVariable(required = false) String itemId, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Mono<ApiResult> done;
            if (step.equals("start")) {
                Map<String, Object> start = new LinkedHashMap<>();
                start.put("mode", text(form.getFirst("mode")));
                start.put("onSiteReason", text(form.getFirst("onSiteReason")));
                done = services.post(ENFORCEMENT, "/api/enforcement/tasks/{id}/inspection", start, id);
            } else if (step.equals("items") && itemId != null) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("outcome", text(form.getFirst("outcome")));
                check.put("finding", text(form.getFirst("finding")));
                check.put("note", text(form.getFirst("note")));
                done = services.post(ENFORCEMENT, "/api/enforcement/tasks/{id}/inspection/items/{itemId}", check,
                        id, itemId);
            } else if (step.equals("completion")) {
                done = services.post(ENFORCEMENT, "/api/enforcement/tasks/{id}/inspection/completion", null, id);
            } else {
                done = Mono.just(ApiResult.unavailable());
            }
            return done.flatMap(result -> showTask(id, model, result.ok() ? null : result, result.ok() ? step : null));
        });
    }

    private Mono<String> showDraw(String id, Model model, ApiResult problem, String done) {
        model.addAttribute("draw", services.get(ENFORCEMENT, "/api/enforcement/draws/{id}", id));
        model.addAttribute("tasks", services.get(ENFORCEMENT, "/api/enforcement/draws/{id}/tasks", id));
        model.addAttribute("problem", problem);
        model.addAttribute("done", done);
        return Mono.just("inspection/draw");
    }

    private Mono<String> showTask(String id, Model model, ApiResult problem, String done) {
        model.addAttribute("taskId", id);
        model.addAttribute("inspection", services.get(ENFORCEMENT, "/api/enforcement/tasks/{id}/inspection", id));
        model.addAttribute("problem", problem);
        model.addAttribute("done", done);
        return Mono.just("inspection/task");
    }
}
