package gov.envgov.portal.inspection;

import static gov.envgov.portal.platform.FormFields.number;
import static gov.envgov.portal.platform.FormFields.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.portal.platform.ApiResult;
import gov.envgov.portal.platform.Services;
import reactor.core.publisher.Mono;

/**
 * Inspectors' and legal reviewers' work in enforcement-service: the clue queue (overdue filing decisions first),
 * the case queue (nearest deadline first), the draws, one clue filed as a case or not, and one case through its
 * procedure, each step the service's with its own refusals, and the re-check of the case's full-process record.
 */
@Controller
class InspectionPages {

    private static final String ENFORCEMENT = "enforcement-service";
    /** Steps of a case that take no input; the service decides whether the case is in a state that allows them. */
    private static final Set<String> PLAIN_STEPS = Set.of("investigation", "review", "hearing-request",
            "legal-review", "legal-review/approval", "service", "execution", "closure", "archive");

    private final Services services;

    InspectionPages(Services services) {
        this.services = services;
    }

    @GetMapping({"/inspection", "/legal"})
    String queues(Model model) {
        model.addAttribute("clues", services.get(ENFORCEMENT, "/api/enforcement/clues", Map.of("size", 20)));
        model.addAttribute("cases", services.get(ENFORCEMENT, "/api/enforcement/cases", Map.of("size", 50)));
        model.addAttribute("draws", services.get(ENFORCEMENT, "/api/enforcement/draws", Map.of("size", 20)));
        return "inspection/queues";
    }

    @GetMapping("/inspection/clues/{id}")
    Mono<String> clue(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        return showClue(id, user, model, null);
    }

    /** Files the clue as a case (立案) with its investigators, or records that it is not filed, with the reason. */
    @PostMapping("/inspection/clues/{id}/{decision}")
    Mono<String> decide(@PathVariable String id, @PathVariable String decision, @AuthenticationPrincipal OidcUser user,
                        ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            if ("no-case".equals(decision)) {
                return services.post(ENFORCEMENT, "/api/enforcement/clues/{id}/no-case",
                                java.util.Collections.singletonMap("reason", text(form.getFirst("reason"))), id)
                        .flatMap(result -> showClue(id, user, model, result));
            }
            return services.post(ENFORCEMENT, "/api/enforcement/clues/{id}/case", fileCase(form), id)
                    .flatMap(result -> result.ok()
                            ? showCase(String.valueOf(result.body().get("id")), model, null, "filed")
                            : showClue(id, user, model, result));
        });
    }

    @GetMapping("/inspection/cases/{id}")
    Mono<String> enforcementCase(@PathVariable String id, Model model) {
        return showCase(id, model, null, null);
    }

    @PostMapping("/inspection/cases/{id}/record-check")
    Mono<String> recordCheck(@PathVariable String id, Model model) {
        return services.get(ENFORCEMENT, "/api/enforcement/cases/{id}/record/verification", id)
                .flatMap(check -> {
                    model.addAttribute("recordCheck", check);
                    return showCase(id, model, check.ok() ? null : check, null);
                });
    }

    /** One step of the procedure, with the fields it needs (notice, hearing, decision, payment, withdrawal). */
    @PostMapping({"/inspection/cases/{id}/{step}", "/inspection/cases/{id}/{step}/{more}"})
    Mono<String> step(@PathVariable String id, @PathVariable String step,
                      @PathVariable(required = false) String more, ServerWebExchange exchange, Model model) {
        String action = more == null ? step : step + "/" + more;
        return exchange.getFormData().flatMap(form -> {
            Object body;
            if (PLAIN_STEPS.contains(action)) {
                body = null;
            } else if (action.equals("notice")) {
                body = java.util.Collections.singletonMap("proposedFine", number(form.getFirst("proposedFine")));
            } else if (action.equals("hearing")) {
                Map<String, Object> hearing = new LinkedHashMap<>();
                hearing.put("chair", text(form.getFirst("chair")));
                hearing.put("hearingOn", text(form.getFirst("hearingOn")));
                body = hearing;
            } else if (action.equals("decision")) {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("outcome", text(form.getFirst("outcome")));
                decision.put("fine", number(form.getFirst("fine")));
                decision.put("reason", text(form.getFirst("reason")));
                body = decision;
            } else if (action.equals("payments")) {
                body = java.util.Collections.singletonMap("amount", number(form.getFirst("amount")));
            } else if (action.equals("decision/withdrawal")) {
                body = java.util.Collections.singletonMap("reason", text(form.getFirst("reason")));
            } else {
                return showCase(id, model, null, null);
            }
            return services.post(ENFORCEMENT, "/api/enforcement/cases/{id}/" + action, body, id)
                    .flatMap(result -> showCase(id, model, result.ok() ? null : result, result.ok() ? action : null));
        });
    }

    private Mono<String> showClue(String id, OidcUser user, Model model, ApiResult problem) {
        return services.get(ENFORCEMENT, "/api/enforcement/clues/{id}", id).map(clue -> {
            model.addAttribute("clue", clue);
            model.addAttribute("problem", problem == null || problem.ok() ? null : problem);
            model.addAttribute("done", problem != null && problem.ok() ? "no-case" : null);
            model.addAttribute("me", user.getPreferredUsername());
            return "inspection/clue";
        });
    }

    private Mono<String> showCase(String id, Model model, ApiResult problem, String done) {
        return services.get(ENFORCEMENT, "/api/enforcement/cases/{id}", id).map(found -> {
            model.addAttribute("found", found);
            model.addAttribute("problem", problem);
            model.addAttribute("done", done);
            return "inspection/case";
        });
    }

    static Map<String, Object> fileCase(MultiValueMap<String, String> form) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("party", text(form.getFirst("party")));
        request.put("violation", text(form.getFirst("violation")));
        request.put("legalBasis", text(form.getFirst("legalBasis")));
        request.put("violationEndedOn", text(form.getFirst("violationEndedOn")));
        request.put("veto", "true".equals(form.getFirst("veto")));
        request.put("major", "true".equals(form.getFirst("major")));
        request.put("harmToLife", "true".equals(form.getFirst("harmToLife")));
        List<String> investigators = new ArrayList<>();
        for (String name : List.of("investigator1", "investigator2")) {
            String value = text(form.getFirst(name));
            if (value != null) {
                investigators.add(value);
            }
        }
        request.put("investigators", investigators);
        return request;
    }
}
