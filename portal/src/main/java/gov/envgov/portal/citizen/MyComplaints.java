package gov.envgov.portal.citizen;

import static gov.envgov.portal.platform.FormFields.text;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.portal.platform.PortalProperties;
import gov.envgov.portal.platform.Services;
import reactor.core.publisher.Mono;

/**
 * A citizen's own complaints, their progress, the reply and their answer to the follow-up; complaint-service decides
 * what is theirs.
 */
@Controller
class MyComplaints {

    private final Services services;
    private final PortalProperties properties;

    MyComplaints(Services services, PortalProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/my/complaints")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("result", services.get("complaint-service", "/api/complaints",
                Map.of("page", Math.max(page, 0), "size", properties.pageSize())));
        return "citizen/complaints";
    }

    @GetMapping("/my/complaints/{id}")
    String one(@PathVariable String id, Model model) {
        model.addAttribute("result", services.get("complaint-service", "/api/complaints/{id}", id));
        return "citizen/complaint";
    }

    /** The citizen's own answer to the follow-up, once the complaint is answered: satisfied, and was it solved. */
    @PostMapping("/my/complaints/{id}/satisfaction")
    Mono<String> satisfaction(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("satisfaction", text(form.getFirst("satisfaction")));
            String solved = form.getFirst("solved");
            body.put("solved", solved == null || solved.isBlank() ? null : Boolean.valueOf(solved));
            return services.post("complaint-service", "/api/complaints/{id}/satisfaction", body, id)
                    .flatMap(answered -> services.get("complaint-service", "/api/complaints/{id}", id).map(result -> {
                        model.addAttribute("result", result);
                        model.addAttribute("problem", answered.ok() ? null : answered);
                        model.addAttribute("done", answered.ok() ? "answered" : null);
                        return "citizen/complaint";
                    }));
        });
    }
}
