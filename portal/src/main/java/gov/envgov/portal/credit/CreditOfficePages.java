package gov.envgov.portal.credit;

import static gov.envgov.portal.platform.FormFields.text;
import static gov.envgov.portal.platform.FormFields.whole;

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
 * The credit officer's desk: evaluations of a year (start, approve, publish), the objections to answer, and the
 * severe-dishonesty list (propose an entry with its legal basis, list or drop it after the notice). Every rule is
 * credit-service's; the page shows its answers and refusals.
 */
@Controller
class CreditOfficePages {

    private static final String CREDIT = "credit-service";

    private final Services services;

    CreditOfficePages(Services services) {
        this.services = services;
    }

    @GetMapping("/credit")
    Mono<String> desk(Model model) {
        return show(model, null, null);
    }

    /** One action of the desk, with its form fields. */
    @PostMapping({"/credit/{action}", "/credit/{action}/{id}"})
    Mono<String> act(@PathVariable String action, @PathVariable(required = false) String id,
                     ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Mono<ApiResult> done;
            switch (action) {
                case "evaluation" -> done = services.post(CREDIT, "/api/credit/evaluations",
                        java.util.Collections.singletonMap("period", whole(form.getFirst("period"))));
                case "approval" -> done = services.post(CREDIT, "/api/credit/evaluations/{period}/approval", null, id);
                case "publication" -> done = services.post(CREDIT, "/api/credit/evaluations/{period}/publication",
                        null, id);
                case "answer" -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    String upheld = form.getFirst("upheld");
                    body.put("upheld", upheld == null ? null : Boolean.valueOf(upheld));
                    body.put("answer", text(form.getFirst("answer")));
                    done = services.post(CREDIT, "/api/credit/objections/{id}/answer", body, id);
                }
                case "proposal" -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("subjectCode", text(form.getFirst("subjectCode")));
                    body.put("severity", text(form.getFirst("severity")));
                    body.put("legalBasis", text(form.getFirst("legalBasis")));
                    body.put("facts", text(form.getFirst("facts")));
                    done = services.post(CREDIT, "/api/credit/blacklist", body);
                }
                case "review" -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    String approve = form.getFirst("approve");
                    body.put("approve", approve == null ? null : Boolean.valueOf(approve));
                    body.put("rectificationVerified", "true".equals(form.getFirst("rectificationVerified")));
                    body.put("decision", text(form.getFirst("decision")));
                    done = services.post(CREDIT, "/api/credit/repairs/{id}/review", body, id);
                }
                case "listing" -> done = services.post(CREDIT, "/api/credit/blacklist/{id}/listing", null, id);
                case "drop" -> done = services.post(CREDIT, "/api/credit/blacklist/{id}/drop",
                        java.util.Collections.singletonMap("reason", text(form.getFirst("reason"))), id);
                default -> done = Mono.just(ApiResult.unavailable());
            }
            return done.flatMap(result -> show(model, result.ok() ? null : result, result.ok() ? action : null));
        });
    }

    private Mono<String> show(Model model, ApiResult problem, String done) {
        model.addAttribute("evaluations", services.get(CREDIT, "/api/credit/evaluations"));
        model.addAttribute("objections", services.get(CREDIT, "/api/credit/objections"));
        model.addAttribute("entries", services.get(CREDIT, "/api/credit/blacklist"));
        model.addAttribute("repairs", services.get(CREDIT, "/api/credit/repairs"));
        model.addAttribute("problem", problem);
        model.addAttribute("done", done);
        return Mono.just("credit/desk");
    }
}
