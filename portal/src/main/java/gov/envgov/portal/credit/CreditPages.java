package gov.envgov.portal.credit;

import static gov.envgov.portal.platform.FormFields.lines;
import static gov.envgov.portal.platform.FormFields.whole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
 * An enterprise's own credit: its result in each period, every version explained down to the records and the rules
 * that made it, and an objection with reasons and evidence while the window is open. credit-service decides what is
 * the enterprise's and whether it may still object.
 */
@Controller
class CreditPages {

    private static final String CREDIT = "credit-service";

    private final Services services;

    CreditPages(Services services) {
        this.services = services;
    }

    @GetMapping("/enterprise/credit")
    String results(Model model) {
        return resultsPage(model, null, null);
    }

    /** Applies for credit repair (信用修复) of a year's records: what was rectified, and the evidence. */
    @PostMapping("/enterprise/credit/repairs")
    Mono<String> repair(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String period = form.getFirst("period");
            body.put("period", period == null || period.isBlank() ? null : whole(period));
            String statement = form.getFirst("statement");
            body.put("statement", statement == null || statement.isBlank() ? null : statement.trim());
            body.put("evidence", lines(form.getFirst("evidence")));
            return services.post(CREDIT, "/api/credit/my/repairs", body)
                    .map(result -> resultsPage(model, result.ok() ? null : result, result.ok() ? "repair" : null));
        });
    }

    private String resultsPage(Model model, ApiResult problem, String done) {
        model.addAttribute("results", services.get(CREDIT, "/api/credit/my/results"));
        model.addAttribute("objections", services.get(CREDIT, "/api/credit/my/objections"));
        model.addAttribute("repairs", services.get(CREDIT, "/api/credit/my/repairs"));
        model.addAttribute("problem", problem);
        model.addAttribute("done", done);
        return "credit/results";
    }

    @GetMapping("/enterprise/credit/{period}")
    Mono<String> period(@PathVariable String period, Model model) {
        return show(period, model, null, null);
    }

    @PostMapping("/enterprise/credit/{period}/objection")
    Mono<String> object(@PathVariable String period, @AuthenticationPrincipal OidcUser user,
                        ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = new LinkedHashMap<>();
            String reasons = form.getFirst("reasons");
            body.put("reasons", reasons == null || reasons.isBlank() ? null : reasons.trim());
            body.put("evidence", lines(form.getFirst("evidence")));
            List<String> disputed = form.getOrDefault("disputedRecords", List.of());
            body.put("disputedRecords", disputed);
            return services.post(CREDIT, "/api/credit/my/results/{period}/objections", body, period)
                    .flatMap(result -> show(period, model, result.ok() ? null : result,
                            result.ok() ? "objected" : null));
        });
    }

    private Mono<String> show(String period, Model model, ApiResult problem, String done) {
        return services.get(CREDIT, "/api/credit/my/results/{period}", period).map(versions -> {
            model.addAttribute("period", period);
            model.addAttribute("versions", versions);
            model.addAttribute("problem", problem);
            model.addAttribute("done", done);
            return "credit/period";
        });
    }
}
