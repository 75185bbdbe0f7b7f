package gov.envgov.portal.publicpages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import gov.envgov.portal.platform.ApiResult;
import gov.envgov.portal.platform.PortalProperties;
import gov.envgov.portal.platform.Services;
import reactor.core.publisher.Mono;

/**
 * The pages anyone may read: home, complaint statistics, permits, penalty decisions, inspection plans and results
 * with their verification, the severe-dishonesty list. Each shows what the service publishes, nothing more.
 */
@Controller
class PublicPages {

    private final Services services;
    private final PortalProperties properties;

    PublicPages(Services services, PortalProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("stats", services.get("complaint-service", "/api/public/complaints/statistics"));
        return "public/home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "public/signed-out";
    }

    /** The figures as a table for everyone, and as a chart (by the page's script, from a data attribute). */
    @GetMapping("/statistics")
    Mono<String> statistics(Model model) {
        return services.get("complaint-service", "/api/public/complaints/statistics").map(stats -> {
            model.addAttribute("stats", stats);
            Map<String, Object> chart = new LinkedHashMap<>();
            if (stats.ok() && stats.body().get("byCategory") instanceof Map<?, ?> byCategory) {
                // A suppressed cell (null) is not drawn: a bar of 0 would say there were none.
                byCategory.forEach((category, count) -> {
                    if (count != null) {
                        chart.put(String.valueOf(category), count);
                    }
                });
            }
            model.addAttribute("chart", JSON.writeValueAsString(chart));
            return "public/statistics";
        });
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    @GetMapping("/permits")
    String permits(@RequestParam(required = false) @Nullable String q,
                   @RequestParam(required = false) @Nullable String district,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("district", district);
        query.put("page", Math.max(page, 0));
        query.put("size", properties.pageSize());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get("permit-service", "/api/public/permits", query));
        return "public/permits";
    }

    @GetMapping("/permits/{id}")
    Mono<String> permit(@PathVariable String id, Model model) {
        return services.get("permit-service", "/api/public/permits/{id}", id).flatMap(result -> {
            model.addAttribute("result", result);
            Object code = result.ok() ? result.body().get("enterpriseCode") : null;
            // The holder's published credit grade, as other departments look it up; none until one is published.
            Mono<ApiResult> grade = code == null ? Mono.just(ApiResult.unavailable())
                    : services.get("credit-service", "/api/public/credit/{code}", code);
            return grade.map(found -> {
                model.addAttribute("grade", found);
                return "public/permit";
            });
        });
    }

    @GetMapping("/penalties")
    String penalties(@RequestParam(required = false) @Nullable String enterprise,
                     @RequestParam(required = false) @Nullable String district,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("enterprise", enterprise);
        query.put("district", district);
        query.put("page", Math.max(page, 0));
        query.put("size", properties.pageSize());
        model.addAttribute("enterprise", enterprise == null ? "" : enterprise);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get("enforcement-service", "/api/public/penalties", query));
        return "public/penalties";
    }

    @GetMapping("/inspections")
    String inspections(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get("enforcement-service", "/api/public/inspections/draws",
                Map.of("page", Math.max(page, 0), "size", properties.pageSize())));
        model.addAttribute("results", services.get("enforcement-service", "/api/public/inspections/results",
                Map.of("size", properties.pageSize())));
        return "public/inspections";
    }

    @GetMapping("/inspections/draws/{id}")
    String draw(@PathVariable String id, Model model) {
        model.addAttribute("draw", services.get("enforcement-service", "/api/public/inspections/draws/{id}", id));
        return "public/draw";
    }

    /** Re-runs the draw from its publication on the service and shows whether it matches, step by step. */
    @GetMapping("/inspections/draws/{id}/verification")
    String verify(@PathVariable String id, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("verification", services.get("enforcement-service",
                "/api/public/inspections/draws/{id}/verification", id));
        return "public/verification";
    }

    /**
     * One enterprise's public facility report, composed of what each service publishes about it: its permits, its
     * inspection results, its penalty decisions, its credit grade and list status, and credit-service's compliance
     * history of the last 12 quarters (with its CSV).
     */
    @GetMapping("/facilities/{code}")
    String facility(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("permits", services.get("permit-service", "/api/public/permits",
                Map.of("q", code, "size", 50)));
        model.addAttribute("penalties", services.get("enforcement-service", "/api/public/penalties",
                Map.of("enterprise", code, "size", 50)));
        model.addAttribute("grade", services.get("credit-service", "/api/public/credit/{code}", code));
        model.addAttribute("history", services.get("credit-service", "/api/public/credit/facilities/{code}", code));
        return "public/facility";
    }

    @GetMapping("/blacklist")
    String blacklist(@RequestParam(required = false) @Nullable String q,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("page", Math.max(page, 0));
        query.put("size", properties.pageSize());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get("credit-service", "/api/public/blacklist", query)
                .map(result -> result.notFound() ? ApiResult.unavailable() : result));
        return "public/blacklist";
    }
}
