package gov.envgov.portal.enterprise;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.portal.platform.Services;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * An enterprise's online monitoring: upload a file of readings (NDJSON or a JSON array, as the monitoring API takes
 * it) and see which readings were refused and why; its exceedance episodes; one outlet's hourly means as a chart and
 * a table. permit-service checks every reading and who may send it.
 */
@Controller
class MonitoringPages {

    private static final String PERMITS = "permit-service";
    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Services services;

    MonitoringPages(Services services) {
        this.services = services;
    }

    @GetMapping("/enterprise/monitoring")
    Mono<String> page(@AuthenticationPrincipal OidcUser user,
                      @RequestParam(required = false) String outlet,
                      @RequestParam(required = false) String pollutant,
                      @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, Model model) {
        String code = EnterprisePages.code(user);
        LocalDate today = LocalDate.now(BUREAU);
        String start = from == null || from.isBlank() ? today.minusDays(30).toString() : from;
        String end = to == null || to.isBlank() ? today.toString() : to;
        model.addAttribute("code", code);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("outlet", outlet == null ? "" : outlet);
        model.addAttribute("pollutant", pollutant == null ? "" : pollutant);
        model.addAttribute("exceedances", services.get(PERMITS, "/api/monitoring/exceedances",
                Map.of("enterprise", code, "from", start, "size", 50)));
        if (outlet == null || outlet.isBlank() || pollutant == null || pollutant.isBlank()) {
            model.addAttribute("means", null);
            model.addAttribute("chart", "{}");
            return Mono.just("enterprise/monitoring");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("enterprise", code);
        query.put("outlet", outlet);
        query.put("pollutant", pollutant);
        query.put("from", start);
        query.put("to", end);
        query.put("interval", "HOUR");
        return services.get(PERMITS, "/api/monitoring/means", query).map(means -> {
            model.addAttribute("means", means);
            Map<String, Object> chart = new LinkedHashMap<>();
            for (Map<String, Object> mean : means.items()) {
                chart.put(String.valueOf(mean.get("period")), mean.get("mean"));
            }
            model.addAttribute("chart", JSON.writeValueAsString(chart));
            return "enterprise/monitoring";
        });
    }

    /** One file of readings; the answer lists what was stored and each refused reading with its reason. */
    @PostMapping("/enterprise/monitoring")
    Mono<String> upload(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        String code = EnterprisePages.code(user);
        LocalDate today = LocalDate.now(BUREAU);
        model.addAttribute("code", code);
        model.addAttribute("from", today.minusDays(30).toString());
        model.addAttribute("to", today.toString());
        model.addAttribute("outlet", "");
        model.addAttribute("pollutant", "");
        model.addAttribute("means", null);
        model.addAttribute("chart", "{}");
        return exchange.getMultipartData().flatMap(parts -> {
            Part part = parts.getFirst("file");
            if (!(part instanceof FilePart file) || file.filename().isBlank()) {
                model.addAttribute("uploadMissing", true);
                return Mono.just(show(code, today, model));
            }
            return DataBufferUtils.join(file.content()).flatMap(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                MediaType type = firstNonBlank(bytes) == '[' ? MediaType.APPLICATION_JSON
                        : MediaType.APPLICATION_NDJSON;
                return services.postBytes(PERMITS, "/api/monitoring/readings", type, bytes);
            }).map(result -> {
                model.addAttribute("upload", result);
                return show(code, today, model);
            });
        });
    }

    private String show(String code, LocalDate today, Model model) {
        model.addAttribute("exceedances", services.get(PERMITS, "/api/monitoring/exceedances",
                Map.of("enterprise", code, "from", today.minusDays(30).toString(), "size", 50)));
        return "enterprise/monitoring";
    }

    private static char firstNonBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return (char) b;
            }
        }
        return ' ';
    }
}
