package gov.envgov.portal.enterprise;

import static gov.envgov.portal.platform.FormFields.number;
import static gov.envgov.portal.platform.FormFields.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * An enterprise's own pages: its unit, its permits and applications, the reports each permit owes, its compliance
 * picture, and the permit application form. Which enterprise is the signed-in one comes from its token's
 * {@code enterprise_id}; permit-service checks it again on every call.
 */
@Controller
class EnterprisePages {

    private static final String PERMITS = "permit-service";

    private final Services services;

    EnterprisePages(Services services) {
        this.services = services;
    }

    @GetMapping("/enterprise")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        String code = code(user);
        model.addAttribute("code", code);
        model.addAttribute("unit", services.get(PERMITS, "/api/enterprises/{code}", code));
        model.addAttribute("permits", services.get(PERMITS, "/api/permits", Map.of("enterprise", code, "size", 50)));
        Mono<ApiResult> compliance = services.get(PERMITS, "/api/enterprises/{code}/compliance", code).cache();
        model.addAttribute("compliance", compliance);
        // The picture's plain figures (counts, dates, states); its lists are the permit pages' to show.
        model.addAttribute("compliancePicture", compliance.map(result -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            result.body().forEach((name, value) -> {
                if (!(value instanceof java.util.Collection<?>) && !(value instanceof Map<?, ?>)) {
                    figures.put(name, value);
                }
            });
            return figures;
        }));
        return "enterprise/home";
    }

    @GetMapping("/enterprise/permits/{id}")
    String permit(@PathVariable String id, Model model) {
        model.addAttribute("permit", services.get(PERMITS, "/api/permits/{id}", id));
        model.addAttribute("reports", services.get(PERMITS, "/api/permits/{id}/reports", id));
        return "enterprise/permit";
    }

    /**
     * Files one execution report: a line per outlet and pollutant of the permit, in tonnes over the period
     * (fields {@code t|outlet|pollutant}); permit-service decides whether it is due, late or exceeds the permit.
     */
    @PostMapping("/enterprise/permits/{id}/reports/{frequency}/{periodStart}")
    Mono<String> fileReport(@PathVariable String id, @PathVariable String frequency, @PathVariable String periodStart,
                            ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            List<Map<String, Object>> lines = new java.util.ArrayList<>();
            form.forEach((name, values) -> {
                String[] key = name.split("\\|", 3);
                if (key.length == 3 && key[0].equals("t")) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("outlet", key[1]);
                    line.put("pollutant", key[2]);
                    line.put("tonnes", number(values.isEmpty() ? null : values.get(0)));
                    lines.add(line);
                }
            });
            return services.put(PERMITS, "/api/permits/{id}/reports/{frequency}/{periodStart}",
                    Map.of("emissions", lines), id, frequency, periodStart).map(filed -> {
                        model.addAttribute("permit", services.get(PERMITS, "/api/permits/{id}", id));
                        model.addAttribute("reports", services.get(PERMITS, "/api/permits/{id}/reports", id));
                        model.addAttribute("problem", filed.ok() ? null : filed);
                        model.addAttribute("filed", filed.ok() ? filed.body() : null);
                        return "enterprise/permit";
                    });
        });
    }

    /**
     * An administrative change of the holder's details (name, address, legal representative) on the permit as it
     * stands: its content and version are the permit's own, so permit-service decides whether it is a change or
     * needs a new application.
     */
    @PostMapping("/enterprise/permits/{id}/change")
    Mono<String> change(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> services.get(PERMITS, "/api/permits/{id}", id)
                .flatMap(permit -> {
                    if (!permit.ok()) {
                        return Mono.just(permit);
                    }
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("holderName", text(form.getFirst("holderName")));
                    request.put("address", text(form.getFirst("address")));
                    request.put("legalRepresentative", text(form.getFirst("legalRepresentative")));
                    request.put("content", permit.body().get("content"));
                    request.put("version", permit.body().get("version"));
                    return services.post(PERMITS, "/api/permits/{id}/change-request", request, id);
                })
                .map(result -> permitPage(id, model, result, "changeRequested")));
    }

    /** Applies for renewal; permit-service refuses outside the renewal window and says when it opens. */
    @PostMapping("/enterprise/permits/{id}/renewal")
    Mono<String> renew(@PathVariable String id, Model model) {
        return services.post(PERMITS, "/api/permits/{id}/renewal", null, id)
                .map(result -> permitPage(id, model, result, "renewalApplied"));
    }

    private String permitPage(String id, Model model, ApiResult result, String done) {
        model.addAttribute("permit", services.get(PERMITS, "/api/permits/{id}", id));
        model.addAttribute("reports", services.get(PERMITS, "/api/permits/{id}/reports", id));
        model.addAttribute("problem", result.ok() ? null : result);
        model.addAttribute("done", result.ok() ? done : null);
        return "enterprise/permit";
    }

    @GetMapping("/enterprise/apply")
    String applyForm(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "enterprise/apply";
    }

    /**
     * The application as permit-service takes it (one outlet with one pollutant from this form; more can be added
     * to the draft through the API). Refusals come back per field and are shown beside the fields they name.
     */
    @PostMapping("/enterprise/apply")
    Mono<String> apply(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = application(code(user), form);
            return services.post(PERMITS, "/api/permits", request).flatMap(created -> {
                if (!created.ok()) {
                    model.addAttribute("form", form.toSingleValueMap());
                    model.addAttribute("errors", formFields(created.fieldErrors()));
                    model.addAttribute("problem", created);
                    return Mono.just("enterprise/apply");
                }
                Object id = created.body().get("id");
                return services.post(PERMITS, "/api/permits/{id}/submit", null, id).map(submitted -> {
                    model.addAttribute("permit", submitted.ok() ? submitted.body() : created.body());
                    model.addAttribute("problem", submitted.ok() ? null : submitted);
                    return "enterprise/applied";
                });
            });
        });
    }

    static Map<String, Object> application(String enterpriseCode, MultiValueMap<String, String> form) {
        Map<String, Object> concentration = new LinkedHashMap<>();
        concentration.put("value", number(form.getFirst("concentration")));
        concentration.put("unit", text(form.getFirst("unit")));
        concentration.put("standard", text(form.getFirst("standard")));
        Map<String, Object> pollutant = new LinkedHashMap<>();
        pollutant.put("pollutant", text(form.getFirst("pollutant")));
        pollutant.put("concentration", concentration);
        pollutant.put("annualTonnes", number(form.getFirst("annualTonnes")));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("longitude", number(form.getFirst("longitude")));
        location.put("latitude", number(form.getFirst("latitude")));
        Map<String, Object> outlet = new LinkedHashMap<>();
        outlet.put("code", text(form.getFirst("outletCode")));
        outlet.put("name", text(form.getFirst("outletName")));
        outlet.put("location", location);
        outlet.put("dischargeMode", text(form.getFirst("dischargeMode")));
        outlet.put("destination", text(form.getFirst("destination")));
        outlet.put("pollutants", List.of(pollutant));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("eiaApproval", text(form.getFirst("eiaApproval")));
        content.put("outlets", List.of(outlet));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("enterpriseCode", enterpriseCode);
        request.put("content", content);
        request.put("address", text(form.getFirst("address")));
        request.put("legalRepresentative", text(form.getFirst("legalRepresentative")));
        return request;
    }

    /** The form's field for each path permit-service names in a refusal. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("content.eiaApproval", "eiaApproval"),
            Map.entry("content.outlets[0].code", "outletCode"),
            Map.entry("content.outlets[0].name", "outletName"),
            Map.entry("content.outlets[0].location.longitude", "longitude"),
            Map.entry("content.outlets[0].location.latitude", "latitude"),
            Map.entry("content.outlets[0].dischargeMode", "dischargeMode"),
            Map.entry("content.outlets[0].destination", "destination"),
            Map.entry("content.outlets[0].pollutants[0].pollutant", "pollutant"),
            Map.entry("content.outlets[0].pollutants[0].concentration.value", "concentration"),
            Map.entry("content.outlets[0].pollutants[0].concentration.unit", "unit"),
            Map.entry("content.outlets[0].pollutants[0].concentration.standard", "standard"),
            Map.entry("content.outlets[0].pollutants[0].annualTonnes", "annualTonnes"),
            Map.entry("address", "address"),
            Map.entry("legalRepresentative", "legalRepresentative"));

    /** The refusal's field errors under the form's field names (a path the form has no field for stays as it is). */
    static Map<String, String> formFields(Map<String, String> apiErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        apiErrors.forEach((path, message) -> errors.merge(FIELDS.getOrDefault(path, path), message,
                (a, b) -> a + "; " + b));
        return errors;
    }

    static String code(OidcUser user) {
        Object code = user.getClaims().get("enterprise_id");
        return code == null ? "" : code.toString();
    }
}
