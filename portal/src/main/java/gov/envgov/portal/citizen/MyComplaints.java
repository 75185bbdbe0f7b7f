package gov.envgov.portal.citizen;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import gov.envgov.portal.platform.PortalProperties;
import gov.envgov.portal.platform.Services;

/** A citizen's own complaints, their progress and the reply; complaint-service decides what is theirs. */
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
}
