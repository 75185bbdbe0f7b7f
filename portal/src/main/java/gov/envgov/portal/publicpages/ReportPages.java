package gov.envgov.portal.publicpages;

import static gov.envgov.portal.platform.FormFields.number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.portal.platform.ApiResult;
import gov.envgov.portal.platform.ClientAddress;
import gov.envgov.portal.platform.FormFields;
import gov.envgov.portal.platform.Services;
import gov.envgov.portal.platform.TokenBuckets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Report a problem and track it. A visitor files anonymously and is shown the tracking code and its secret once
 * (the page is never cached and the secret is kept nowhere else); a signed-in citizen files as themselves and finds
 * the complaint under "my complaints". Photos go up after the complaint, each checked by the service. Anonymous
 * reports are limited per client address ({@link ReportRateLimit}); a signed-in citizen is known and is not.
 */
@Controller
class ReportPages {

    static final String COMPLAINTS = "complaint-service";

    private final Services services;
    private final TokenBuckets anonymousReports;

    ReportPages(Services services, ReportRateLimit rateLimit) {
        this.services = services;
        this.anonymousReports = new TokenBuckets(rateLimit.limit(), System::nanoTime);
    }

    @GetMapping("/report")
    String form(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "public/report";
    }

    @PostMapping("/report")
    Mono<String> file(ServerWebExchange exchange, Model model) {
        return exchange.getMultipartData().flatMap(parts -> {
            Map<String, String> form = fields(parts);
            Map<String, Object> request = request(form);
                model.addAttribute("form", form);
            // A signed-in citizen files as themselves; anyone else (a visitor, or staff browsing) files anonymously.
            return exchange.getPrincipal()
                    .map(principal -> principal instanceof org.springframework.security.core.Authentication auth
                            && auth.getAuthorities().stream().anyMatch(a -> "ROLE_citizen".equals(a.getAuthority())))
                    .defaultIfEmpty(false).flatMap(signedIn -> {
                if (!signedIn) {
                    TokenBuckets.Decision decision = anonymousReports.take(ClientAddress.of(exchange.getRequest()));
                    if (!decision.allowed()) {
                        return Mono.just(tooMany(exchange, model, decision));
                    }
                }
                Mono<ApiResult> filed = signedIn
                        ? services.post(COMPLAINTS, "/api/complaints", request)
                        : services.post(COMPLAINTS, "/api/public/complaints", request);
                return filed.flatMap(result -> {
                    if (!result.ok()) {
                        model.addAttribute("errors", result.fieldErrors());
                        model.addAttribute("problem", result);
                        return Mono.just("public/report");
                    }
                    return photos(parts, result, signedIn).map(photoResults -> {
                        model.addAttribute("receipt", result.body());
                        model.addAttribute("signedIn", signedIn);
                        model.addAttribute("photoProblems", photoResults.stream().filter(r -> !r.ok()).toList());
                        model.addAttribute("photoCount", photoResults.stream().filter(ApiResult::ok).count());
                        return "public/report-filed";
                    });
                });
            });
        });
    }

    /**
     * Over the limit of anonymous reports from this address: 429 with {@code Retry-After}, and the form again as it
     * was filled in, with a message that says when to try again and that the hotline is always open.
     */
    private static String tooMany(ServerWebExchange exchange, Model model, TokenBuckets.Decision decision) {
        long seconds = decision.retryAfterSeconds();
        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        model.addAttribute("errors", Map.of());
        model.addAttribute("limitedMinutes", Math.max(1, (seconds + 59) / 60));
        return "public/report";
    }

    @GetMapping("/track")
    String trackForm(Model model) {
        model.addAttribute("code", "");
        return "public/track";
    }

    /** Code and secret are posted, never put in a URL (where they would end up in logs and history). */
    @PostMapping("/track")
    Mono<String> track(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String code = form.getFirst("code") == null ? "" : form.getFirst("code").trim();
            String secret = form.getFirst("secret") == null ? "" : form.getFirst("secret").trim();
            model.addAttribute("code", code);
            if (code.isEmpty() || secret.isEmpty()) {
                model.addAttribute("missing", true);
                return Mono.just("public/track");
            }
            return services.getWithHeaders(COMPLAINTS, "/api/public/complaints/{code}",
                    Map.of("X-Tracking-Secret", secret), code).map(result -> {
                        model.addAttribute("result", result);
                        return "public/track";
                    });
        });
    }

    /**
     * The anonymous filer's own follow-up on the tracking page: the code comes back in the form, the secret is asked
     * for again (it is never written into a page).
     */
    @PostMapping("/track/follow-up")
    Mono<String> followUp(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String code = form.getFirst("code") == null ? "" : form.getFirst("code").trim();
            String secret = form.getFirst("secret") == null ? "" : form.getFirst("secret").trim();
            model.addAttribute("code", code);
            if (code.isEmpty() || secret.isEmpty()) {
                model.addAttribute("missing", true);
                return Mono.just("public/track");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("satisfaction", FormFields.text(form.getFirst("satisfaction")));
            String solved = form.getFirst("solved");
            body.put("solved", solved == null || solved.isBlank() ? null : Boolean.valueOf(solved));
            Map<String, String> headers = Map.of("X-Tracking-Secret", secret);
            return services.postWithHeaders(COMPLAINTS, "/api/public/complaints/{code}/follow-up", body, headers, code)
                    .flatMap(answered -> services.getWithHeaders(COMPLAINTS, "/api/public/complaints/{code}",
                            headers, code).map(result -> {
                                model.addAttribute("result", result);
                                model.addAttribute("problem", answered.ok() ? null : answered);
                                model.addAttribute("done", answered.ok() ? "answered" : null);
                                return "public/track";
                            }));
        });
    }

    private Mono<List<ApiResult>> photos(MultiValueMap<String, Part> parts, ApiResult filed, boolean signedIn) {
        List<FilePart> files = new ArrayList<>();
        for (Part part : parts.getOrDefault("photos", List.of())) {
            if (part instanceof FilePart file && !file.filename().isBlank()) {
                files.add(file);
            }
        }
        return Flux.fromIterable(files).concatMap(file -> DataBufferUtils.join(file.content()).flatMap(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            MediaType type = file.headers().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                    : file.headers().getContentType();
            return signedIn
                    ? services.upload(COMPLAINTS, "/api/complaints/{id}/photos", file.filename(), type, bytes,
                            Map.of(), filed.body().get("id"))
                    : services.upload(COMPLAINTS, "/api/public/complaints/{code}/photos", file.filename(), type,
                            bytes, Map.of("X-Tracking-Secret", String.valueOf(filed.body().get("secret"))),
                            filed.body().get("trackingCode"));
        })).collectList();
    }

    private static Map<String, String> fields(MultiValueMap<String, Part> parts) {
        Map<String, String> form = new LinkedHashMap<>();
        parts.forEach((name, values) -> {
            if (!values.isEmpty() && values.get(0) instanceof FormFieldPart field) {
                form.put(name, field.value().trim());
            }
        });
        return form;
    }

    /** The complaint as the API takes it; empty fields are left out, so the service names what is missing. */
    static Map<String, Object> request(Map<String, String> form) {
        Map<String, Object> request = new LinkedHashMap<>();
        copy(form, request, "category");
        copy(form, request, "description");
        copy(form, request, "district");
        copy(form, request, "address");
        copy(form, request, "enterpriseCode");
        String longitude = form.getOrDefault("longitude", "");
        String latitude = form.getOrDefault("latitude", "");
        if (!longitude.isEmpty() || !latitude.isEmpty()) {
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("longitude", number(longitude));
            location.put("latitude", number(latitude));
            request.put("location", location);
        }
        return request;
    }

    private static void copy(Map<String, String> form, Map<String, Object> request, String name) {
        String value = form.get(name);
        if (value != null && !value.isEmpty()) {
            request.put(name, value);
        }
    }
}
