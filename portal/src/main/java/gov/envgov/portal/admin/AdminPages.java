package gov.envgov.portal.admin;

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
 * The administrator's pages: Open311 client applications and their api keys (a new key is shown once), and the
 * inspector pool of the double-random draws.
 */
@Controller
class AdminPages {

    private final Services services;

    AdminPages(Services services) {
        this.services = services;
    }

    @GetMapping("/admin")
    Mono<String> page(Model model) {
        return show(model, null, null);
    }

    @PostMapping("/admin/open311-clients")
    Mono<String> issue(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String name = form.getFirst("name");
            body.put("name", name == null || name.isBlank() ? null : name.trim());
            return services.post("complaint-service", "/api/open311/clients", body)
                    .flatMap(result -> show(model, result.ok() ? null : result, result.ok() ? result : null));
        });
    }

    @PostMapping("/admin/open311-clients/{id}/revocation")
    Mono<String> revoke(@PathVariable String id, Model model) {
        return services.delete("complaint-service", "/api/open311/clients/{id}", id)
                .flatMap(result -> show(model, result.ok() ? null : result, null));
    }

    private Mono<String> show(Model model, ApiResult problem, ApiResult issued) {
        model.addAttribute("clients", services.get("complaint-service", "/api/open311/clients"));
        model.addAttribute("inspectors", services.get("enforcement-service", "/api/enforcement/inspectors",
                Map.of("size", 100)));
        model.addAttribute("problem", problem);
        model.addAttribute("issued", issued == null ? null : issued.body());
        return Mono.just("admin/admin");
    }
}
